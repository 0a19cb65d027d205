export const ACTION_NAME = 'sagemaker-deploy-action'
export const ACTION_VERSION = '0.1.0'
