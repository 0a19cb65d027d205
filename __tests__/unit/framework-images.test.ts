import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { buildTable, readConfigs, renderModule } from '../../scripts/framework-images.mjs'
import { FRAMEWORK_IMAGES } from '../../src/images/framework-images.generated.js'
import {
  FRAMEWORK_NAMES,
  isKnownFramework,
  registryDomain,
  resolveFrameworkImage
} from '../../src/images/framework-image.js'

const GENERATED = 'src/images/framework-images.generated.ts'

function resolve(framework: string, version: string, region: string, instanceType = 'ml.m5.large'): string {
  return resolveFrameworkImage({ framework, version, region, instanceType })
}

function failure(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected an error')
}

describe('resolveFrameworkImage', () => {
  // Each URI below is what the SageMaker Python SDK's image_uris.retrieve returns
  // for the same framework, version, region and instance type (image_scope "inference").
  it.each([
    [
      'sklearn',
      '1.2-1',
      'us-east-1',
      'ml.m5.large',
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3'
    ],
    [
      'xgboost',
      '1.7-1',
      'us-east-1',
      'ml.m5.large',
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1'
    ],
    [
      'xgboost',
      '1.7-1',
      'eu-west-1',
      'ml.g5.xlarge',
      '141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1'
    ],
    [
      'pytorch',
      '2.6.0',
      'us-east-1',
      'ml.m5.large',
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-cpu-py312'
    ],
    [
      'pytorch',
      '2.1.0',
      'us-west-2',
      'ml.g5.xlarge',
      '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.1.0-gpu-py310'
    ],
    [
      'tensorflow',
      '2.19.0',
      'eu-central-1',
      'ml.g4dn.xlarge',
      '763104351884.dkr.ecr.eu-central-1.amazonaws.com/tensorflow-inference:2.19.0-gpu'
    ],
    [
      'tensorflow',
      '1.10.0',
      'us-east-1',
      'ml.m5.large',
      '520713654638.dkr.ecr.us-east-1.amazonaws.com/sagemaker-tensorflow:1.10.0-cpu-py2'
    ],
    [
      'huggingface',
      '4.37.0-pytorch2.1.0',
      'us-east-1',
      'ml.g5.xlarge',
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1.0-transformers4.37.0-gpu-py310-cu118-ubuntu20.04'
    ],
    [
      'huggingface',
      '4.37.0-pytorch2.1.0',
      'us-east-1',
      'ml.m5.large',
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1.0-transformers4.37.0-cpu-py310-ubuntu22.04'
    ],
    [
      'djl-lmi',
      '0.36.0',
      'us-east-1',
      'ml.g5.xlarge',
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.36.0-lmi27.0.0-cu130'
    ]
  ])('%s %s in %s on %s', (framework, version, region, instanceType, uri) => {
    expect(resolve(framework, version, region, instanceType)).toBe(uri)
  })

  it('uses the registry domain of the China and other partitions', () => {
    expect(resolve('sklearn', '1.2-1', 'cn-northwest-1')).toBe(
      '451049120500.dkr.ecr.cn-northwest-1.amazonaws.com.cn/sagemaker-scikit-learn:1.2-1-cpu-py3'
    )
    expect(resolve('pytorch', '2.1.0', 'cn-north-1', 'ml.c5.xlarge')).toBe(
      '727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/pytorch-inference:2.1.0-cpu-py310'
    )
    expect(resolve('sklearn', '1.2-1', 'us-isob-east-1')).toBe(
      '281123927165.dkr.ecr.us-isob-east-1.sc2s.sgov.gov/sagemaker-scikit-learn:1.2-1-cpu-py3'
    )
    expect(resolve('djl-lmi', '0.36.0', 'eusc-de-east-1', 'ml.g5.xlarge')).toBe(
      '204133271717.dkr.ecr.eusc-de-east-1.amazonaws.eu/djl-inference:0.36.0-lmi27.0.0-cu130'
    )
    expect(registryDomain('us-gov-west-1')).toBe('amazonaws.com')
    expect(registryDomain('us-iso-east-1')).toBe('c2s.ic.gov')
    expect(registryDomain('us-isof-south-1')).toBe('csp.hci.ic.gov')
    expect(registryDomain('eu-isoe-west-1')).toBe('cloud.adc-e.uk')
  })

  it('accepts a version alias and keeps it in the tag, as the SDK does', () => {
    expect(resolve('pytorch', '2.1', 'us-west-2', 'ml.p3.2xlarge')).toBe(
      '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.1-gpu-py310'
    )
    expect(resolve('tensorflow', '2.16', 'eu-central-1', 'ml.c5.xlarge')).toBe(
      '763104351884.dkr.ecr.eu-central-1.amazonaws.com/tensorflow-inference:2.16-cpu'
    )
    expect(resolve('huggingface', '4.37-pytorch2.1', 'us-east-1', 'ml.g5.xlarge')).toBe(
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1-transformers4.37-gpu-py310-cu118-ubuntu20.04'
    )
  })

  it('takes the newest Python when an old release was built for several', () => {
    expect(resolve('pytorch', '1.5.0', 'us-east-1')).toBe(
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:1.5.0-cpu-py36'
    )
  })

  it('picks the CUDA 11 build of PyTorch 1.6 on p4d, as the SDK does', () => {
    expect(resolve('pytorch', '1.6.0', 'us-east-1', 'ml.p4d.24xlarge')).toBe(
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:1.6.0-gpu-py36-cu110-ubuntu18.04'
    )
    expect(resolve('pytorch', '1.6', 'us-east-1', 'ml.p4d.24xlarge')).toBe(
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:1.6-gpu-py36-cu110-ubuntu18.04-v3'
    )
  })

  it('names the input and lists the known versions for an unknown version', () => {
    expect(failure(() => resolve('sklearn', '1.3-1', 'us-east-1'))).toBe(
      'Input "framework-version" must be a known sklearn version: 0.20.0, 0.23-1, 1.0-1, 1.2-1, 1.4-2-py312; got "1.3-1".'
    )
    const huggingface = failure(() => resolve('huggingface', '4.37.0', 'us-east-1'))
    expect(huggingface).toMatch(
      /^Input "framework-version" must be a known huggingface version \(<transformers>-pytorch<pytorch>\): /
    )
    expect(huggingface).toContain('4.37.0-pytorch2.1.0')
    expect(huggingface).not.toContain('tensorflow')
    expect(failure(() => resolve('djl-lmi', 'latest', 'us-east-1', 'ml.g5.xlarge'))).toContain('0.36.0, 0.35.0')
  })

  it('lists the known frameworks for an unknown one', () => {
    expect(failure(() => resolve('mxnet', '1.9.0', 'us-east-1'))).toBe(
      'Input "framework" must be one of sklearn, xgboost, pytorch, tensorflow, huggingface, djl-lmi; got "mxnet".'
    )
    expect(FRAMEWORK_NAMES).toEqual(['sklearn', 'xgboost', 'pytorch', 'tensorflow', 'huggingface', 'djl-lmi'])
    expect(isKnownFramework('pytorch')).toBe(true)
    expect(isKnownFramework('toString')).toBe(false)
  })

  it('says when a version is not published in the region', () => {
    expect(failure(() => resolve('sklearn', '1.2-1', 'ap-east-2'))).toBe(
      'Input "framework-version" names sklearn 1.2-1, which AWS does not publish in region ap-east-2; ' +
        'no sklearn image is published there, so give "image-uri" instead.'
    )
    expect(failure(() => resolve('pytorch', '2.6.0', 'us-isof-east-1'))).toBe(
      'Input "framework-version" names pytorch 2.6.0, which AWS does not publish in region us-isof-east-1; ' +
        'versions published there: 2.1.0, 2.2.0.'
    )
  })

  it('decides CPU or GPU from the instance family and refuses a GPU where there is no GPU image', () => {
    expect(resolve('pytorch', '2.6.0', 'us-east-1', 'ml.p5.48xlarge')).toContain(':2.6.0-gpu-py312')
    expect(resolve('pytorch', '2.6.0', 'us-east-1', 'ml.g6e.xlarge')).toContain(':2.6.0-gpu-py312')
    expect(resolve('pytorch', '2.6.0', 'us-east-1', 'ml.c7i.large')).toContain(':2.6.0-cpu-py312')
    expect(failure(() => resolve('sklearn', '1.2-1', 'us-east-1', 'ml.g5.xlarge'))).toBe(
      'Input "instance-type" must be a CPU instance: sklearn 1.2-1 has no GPU image; got "ml.g5.xlarge".'
    )
  })

  it('refuses Inferentia, Trainium and Graviton instances, which need other images', () => {
    expect(failure(() => resolve('pytorch', '2.1.0', 'us-east-1', 'ml.inf2.xlarge'))).toBe(
      'Input "instance-type" is an Inferentia or Trainium instance, which the pytorch images do not run on; ' +
        'give a Neuron image as "image-uri" or choose a CPU or GPU instance; got "ml.inf2.xlarge".'
    )
    expect(failure(() => resolve('huggingface', '4.37.0-pytorch2.1.0', 'us-east-1', 'ml.trn1.2xlarge'))).toContain(
      'Inferentia or Trainium'
    )
    expect(failure(() => resolve('xgboost', '1.7-1', 'us-east-1', 'ml.c7g.xlarge'))).toBe(
      'Input "instance-type" is a Graviton (Arm) instance, which the xgboost images do not run on; ' +
        'give an arm64 image as "image-uri" or choose an x86 instance; got "ml.c7g.xlarge".'
    )
    expect(failure(() => resolve('sklearn', '1.2-1', 'us-east-1', 'm5.large'))).toBe(
      'Input "instance-type" must be a SageMaker instance type such as ml.m5.large; got "m5.large".'
    )
  })

  it('refuses P2 for the releases the SDK refuses it for', () => {
    expect(failure(() => resolve('pytorch', '2.1', 'us-east-1', 'ml.p2.xlarge'))).toBe(
      'Input "instance-type" must not be a P2 instance: pytorch 2.1.0 images no longer support P2; got "ml.p2.xlarge".'
    )
    expect(resolve('pytorch', '1.12.1', 'us-east-1', 'ml.p2.xlarge')).toBe(
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:1.12.1-gpu-py38'
    )
  })
})

describe('scripts/framework-images.mjs', () => {
  const fixture = buildTable(readConfigs('__fixtures__/image-uri-config'), '0123abc')

  it('keeps only the inference images of the frameworks it covers, compacted', () => {
    expect(fixture).toEqual({
      sdkCommit: '0123abc',
      registries: [
        { 'cn-north-1': '450853457545', 'eu-west-1': '141502667606', 'us-east-1': '683313688378' },
        { 'cn-north-1': '727897471807', 'us-east-1': '763104351884' },
        { 'ap-south-2': '772153158452', 'cn-north-1': '727897471807', 'us-east-1': '763104351884' }
      ],
      frameworks: {
        sklearn: {
          defaults: { repository: 'sagemaker-scikit-learn', registries: 0, processors: ['cpu'], py: ['py3'] },
          versions: { '1.0-1': {}, '1.2-1': {} },
          aliases: {}
        },
        pytorch: {
          defaults: { repository: 'pytorch-inference', registries: 1, processors: ['cpu', 'gpu'], py: ['py3', 'py36'] },
          versions: { '1.5.0': {}, '2.1.0': { registries: 2, py: ['py310'] } },
          // "latest" and an alias of a version the scope lacks are left out.
          aliases: { '1.5': '1.5.0', '2.1': '2.1.0' }
        },
        huggingface: {
          tagStyle: 'huggingface',
          defaults: {
            repository: 'huggingface-pytorch-inference',
            registries: 1,
            processors: ['cpu', 'gpu'],
            py: ['py39']
          },
          versions: {
            '4.26.0-pytorch1.13.1': { container: { gpu: 'cu117-ubuntu20.04', cpu: 'ubuntu20.04' } },
            '4.37.0-pytorch2.1.0': { py: ['py310'], container: { gpu: 'cu118-ubuntu20.04', cpu: 'ubuntu22.04' } }
          },
          aliases: {
            '4.26.0-pytorch1.13': '4.26.0-pytorch1.13.1',
            '4.26-pytorch1.13.1': '4.26.0-pytorch1.13.1',
            '4.26-pytorch1.13': '4.26.0-pytorch1.13.1',
            '4.37.0-pytorch2.1': '4.37.0-pytorch2.1.0',
            '4.37-pytorch2.1.0': '4.37.0-pytorch2.1.0',
            '4.37-pytorch2.1': '4.37.0-pytorch2.1.0'
          }
        }
      }
    })
  })

  it('renders a module the resolver reads like the SDK', () => {
    const source: string = renderModule(fixture)
    expect(source.split('\n')[0]).toBe(
      "// Generated by scripts/framework-images.mjs (npm run images) from the SageMaker Python SDK's image_uri_config at aws/sagemaker-python-sdk@0123abc; do not edit."
    )
    expect(source).toContain('export const FRAMEWORK_IMAGES: FrameworkImageTable = {')
    expect(source).toContain('        "2.1.0": {"registries":2,"py":["py310"]}')

    const request = { framework: 'pytorch', version: '2.1', region: 'ap-south-2', instanceType: 'ml.g5.xlarge' }
    expect(resolveFrameworkImage(request, fixture)).toBe(
      '772153158452.dkr.ecr.ap-south-2.amazonaws.com/pytorch-inference:2.1-gpu-py310'
    )
    expect(
      resolveFrameworkImage(
        { framework: 'huggingface', version: '4.26-pytorch1.13', region: 'cn-north-1', instanceType: 'ml.m5.large' },
        fixture
      )
    ).toBe(
      '727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/huggingface-pytorch-inference:1.13-transformers4.26-cpu-py39-ubuntu20.04'
    )
  })

  it('leaves out the SDK commit when it is not given', () => {
    const table = buildTable(readConfigs('__fixtures__/image-uri-config'))
    expect(table.sdkCommit).toBeUndefined()
    expect(renderModule(table).split('\n')[0]).toBe(
      "// Generated by scripts/framework-images.mjs (npm run images) from the SageMaker Python SDK's image_uri_config; do not edit."
    )
  })

  it('stops at a version field it cannot express rather than drop it', () => {
    const configs = readConfigs('__fixtures__/image-uri-config')
    configs.sklearn.inference.versions['1.2-1'].sdk_versions = ['2.20']
    expect(() => buildTable(configs)).toThrow('sklearn 1.2-1: unsupported field "sdk_versions"')
  })

  it('wrote the committed table, untouched since', () => {
    expect(renderModule(FRAMEWORK_IMAGES)).toBe(readFileSync(GENERATED, 'utf8'))
    expect(FRAMEWORK_IMAGES.sdkCommit).toMatch(/^[0-9a-f]{40}$/)
  })
})
