export const ACTION_NAME = 'sagemaker-deploy-action'
export const ACTION_VERSION = '1.0.0'
