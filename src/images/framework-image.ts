/**
 * Turns `framework` + `framework-version` into the AWS-provided inference image
 * for the region and instance type, following the rules of the SageMaker
 * Python SDK's image_uris.retrieve, so a model that deploys with the SDK
 * deploys here with the same image.
 */
import { InputError } from '../parse.js'
import { FRAMEWORK_IMAGES } from './framework-images.generated.js'
import type { FrameworkImageTable, Processor } from './table.js'

export interface FrameworkImageRequest {
  readonly framework: string
  readonly version: string
  readonly region: string
  readonly instanceType: string
}

/** The values the `framework` input accepts. */
export const FRAMEWORK_NAMES: readonly string[] = Object.keys(FRAMEWORK_IMAGES.frameworks)

export function isKnownFramework(name: string): boolean {
  return Object.hasOwn(FRAMEWORK_IMAGES.frameworks, name)
}

export function resolveFrameworkImage(
  request: FrameworkImageRequest,
  table: FrameworkImageTable = FRAMEWORK_IMAGES
): string {
  const { framework, version, region, instanceType } = request
  const images = Object.hasOwn(table.frameworks, framework) ? table.frameworks[framework] : undefined
  if (images === undefined) {
    throw new InputError('framework', `must be one of ${Object.keys(table.frameworks).join(', ')}`, framework)
  }

  const known = Object.keys(images.versions)
  const key = Object.hasOwn(images.aliases, version) ? images.aliases[version] : version
  const entry = key !== undefined && Object.hasOwn(images.versions, key) ? images.versions[key] : undefined
  if (key === undefined || entry === undefined) {
    const form = images.tagStyle === 'huggingface' ? ' (<transformers>-pytorch<pytorch>)' : ''
    throw new InputError(
      'framework-version',
      `must be a known ${framework} version${form}: ${known.join(', ')}`,
      version
    )
  }
  const image = { ...images.defaults, ...entry }

  const registries = table.registries[image.registries]
  const account = registries !== undefined && Object.hasOwn(registries, region) ? registries[region] : undefined
  if (registries === undefined || account === undefined) {
    const here = known.filter((v) => {
      const map = table.registries[images.versions[v]?.registries ?? images.defaults.registries]
      return map !== undefined && Object.hasOwn(map, region)
    })
    throw new InputError(
      'framework-version',
      `names ${framework} ${version}, which AWS does not publish in region ${region}` +
        (here.length > 0
          ? `; versions published there: ${here.join(', ')}`
          : `; no ${framework} image is published there, so give "image-uri" instead`)
    )
  }

  const processor = processorFor(instanceType, image.processors, framework, key)
  rejectRetiredInstance(framework, key, instanceType)

  const prefix = image.tagPrefix ?? (images.tagStyle === 'huggingface' ? huggingfacePrefix(version) : version)
  const py = newestPython(image.py)
  const container = processor === undefined ? undefined : image.container?.[processor]
  let tag = [prefix, processor, py, container].filter((part) => part !== undefined && part !== '').join('-')
  if (framework === 'pytorch' && instanceFamily(instanceType) === 'p4d') tag += P4D_SUFFIXES[tag] ?? ''

  return `${account}.dkr.ecr.${region}.${registryDomain(region)}/${image.repository}:${tag}`
}

/** `ml.g5.xlarge` → `g5`; the same pattern the SDK uses, so the same names are accepted. */
function instanceFamily(instanceType: string): string | undefined {
  return /^ml[._]([a-z\d-]+)\.?\w*$/.exec(instanceType)?.[1]
}

function processorFor(
  instanceType: string,
  processors: readonly Processor[],
  framework: string,
  version: string
): Processor | undefined {
  const family = instanceFamily(instanceType)
  if (family === undefined) {
    throw new InputError('instance-type', 'must be a SageMaker instance type such as ml.m5.large', instanceType)
  }
  if (family.startsWith('inf') || family.startsWith('trn')) {
    throw new InputError(
      'instance-type',
      `is an Inferentia or Trainium instance, which the ${framework} images do not run on; ` +
        'give a Neuron image as "image-uri" or choose a CPU or GPU instance',
      instanceType
    )
  }
  // Graviton families (m6g, c7gn, r8gd, ...) are Arm: the x86 images would not start there.
  if (/^[a-z]+\d+g[a-z]*$/.test(family) && !family.startsWith('g')) {
    throw new InputError(
      'instance-type',
      `is a Graviton (Arm) instance, which the ${framework} images do not run on; ` +
        'give an arm64 image as "image-uri" or choose an x86 instance',
      instanceType
    )
  }
  // Images built once for every instance carry no processor in their tag.
  if (processors.length === 0) return undefined
  const processor: Processor = family.startsWith('g') || family.startsWith('p') ? 'gpu' : 'cpu'
  if (!processors.includes(processor)) {
    const other = processor === 'gpu' ? 'CPU' : 'GPU'
    throw new InputError(
      'instance-type',
      `must be a ${other} instance: ${framework} ${version} has no ${processor.toUpperCase()} image`,
      instanceType
    )
  }
  return processor
}

/** The SDK refuses these: from these versions on, the GPU images no longer support P2's K80 GPUs. */
function rejectRetiredInstance(framework: string, version: string, instanceType: string): void {
  if (instanceFamily(instanceType) !== 'p2') return
  const floor = framework === 'pytorch' ? [1, 13] : framework === 'tensorflow' ? [2, 12] : undefined
  if (floor !== undefined && compareVersions(version, floor) >= 0) {
    throw new InputError(
      'instance-type',
      `must not be a P2 instance: ${framework} ${version} images no longer support P2`,
      instanceType
    )
  }
}

function compareVersions(version: string, floor: readonly number[]): number {
  const parts = version.split('.').map((part) => Number.parseInt(part, 10))
  for (let i = 0; i < floor.length; i++) {
    const diff = (parts[i] ?? 0) - (floor[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

/** `4.37.0-pytorch2.1.0` → `2.1.0-transformers4.37.0`, keeping the spellings given as the SDK does. */
function huggingfacePrefix(version: string): string {
  const match = /^(.+)-pytorch(.+)$/.exec(version)
  return match ? `${match[2]}-transformers${match[1]}` : version
}

/**
 * The SDK asks for a Python version when an image comes in several; these are
 * all old releases (py2/py3, py3/py36), and the newest Python is the one still
 * maintained, so it is taken without asking.
 */
function newestPython(versions: readonly string[]): string | undefined {
  const rank = (py: string): number => {
    const match = /^py(\d)(\d*)$/.exec(py)
    return match ? Number(match[1]) * 1000 + (match[2] === '' ? -1 : Number(match[2])) : -Infinity
  }
  return versions.reduce<string | undefined>(
    (best, py) => (best === undefined || rank(py) > rank(best) ? py : best),
    undefined
  )
}

// The SDK moves these PyTorch 1.6 GPU images to a CUDA 11 build on p4d, whose A100s need it.
const P4D_SUFFIXES: Readonly<Record<string, string>> = {
  '1.6-gpu-py3': '-cu110-ubuntu18.04-v3',
  '1.6.0-gpu-py3': '-cu110-ubuntu18.04',
  '1.6-gpu-py36': '-cu110-ubuntu18.04-v3',
  '1.6.0-gpu-py36': '-cu110-ubuntu18.04'
}

/** DNS suffix per partition, as botocore's endpoint data gives ECR; regions of the commercial partition need none listed. */
const PARTITION_DOMAINS: readonly (readonly [RegExp, string])[] = [
  [/^cn-/, 'amazonaws.com.cn'],
  [/^us-iso-/, 'c2s.ic.gov'],
  [/^us-isob-/, 'sc2s.sgov.gov'],
  [/^us-isof-/, 'csp.hci.ic.gov'],
  [/^eu-isoe-/, 'cloud.adc-e.uk'],
  [/^eusc-/, 'amazonaws.eu']
]

export function registryDomain(region: string): string {
  return PARTITION_DOMAINS.find(([pattern]) => pattern.test(region))?.[1] ?? 'amazonaws.com'
}
