// Writes src/images/framework-images.generated.ts from the SageMaker Python
// SDK's image_uri_config folder, so `framework` + `framework-version` resolve to
// the same inference image the SDK's image_uris.retrieve would pick, without
// shipping the SDK's half a megabyte of JSON in the bundle.
//
//   git clone --depth 1 https://github.com/aws/sagemaker-python-sdk sdk
//   npm run images -- sdk/sagemaker-core/src/sagemaker/core/image_uri_config "$(git -C sdk rev-parse HEAD)"
//
// Older SDK releases keep the folder at src/sagemaker/image_uri_config. The
// commit argument is optional; when given, the generated file records it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const OUTPUT = fileURLToPath(new URL('../src/images/framework-images.generated.ts', import.meta.url))

/** Config file per framework name the action accepts. */
export const FRAMEWORK_FILES = {
  sklearn: 'sklearn.json',
  xgboost: 'xgboost.json',
  pytorch: 'pytorch.json',
  tensorflow: 'tensorflow.json',
  huggingface: 'huggingface.json',
  'djl-lmi': 'djl-lmi.json'
}

// Every field of a version the resolver understands. Anything else means the
// SDK grew a rule this table cannot express, and silently dropping it would
// produce a wrong URI, so the generator stops instead.
const VERSION_FIELDS = new Set([
  'repository',
  'registries',
  'processors',
  'py_versions',
  'container_version',
  'tag_prefix'
])
const PROCESSORS = new Set(['cpu', 'gpu'])

/**
 * Reads the configs of the frameworks above that the folder has.
 * @param {string} folder
 * @returns {Record<string, any>} the SDK's JSON, by framework name
 */
export function readConfigs(folder) {
  const configs = {}
  for (const [name, file] of Object.entries(FRAMEWORK_FILES)) {
    const path = join(folder, file)
    if (existsSync(path)) configs[name] = JSON.parse(readFileSync(path, 'utf8'))
  }
  return configs
}

/**
 * The pure part: SDK configs in, the compact table out.
 * @param {Record<string, any>} configs
 * @param {string} [sdkCommit]
 * @returns {import('../src/images/table.js').FrameworkImageTable}
 */
export function buildTable(configs, sdkCommit) {
  const registries = []
  const registryIndex = new Map()
  const registryRef = (map, where) => {
    if (!map || typeof map !== 'object' || Object.keys(map).length === 0) throw new Error(`${where}: no registries`)
    const sorted = Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    const key = JSON.stringify(sorted)
    if (!registryIndex.has(key)) {
      registryIndex.set(key, registries.length)
      registries.push(sorted)
    }
    return registryIndex.get(key)
  }

  const frameworks = {}
  for (const name of Object.keys(FRAMEWORK_FILES)) {
    const config = configs[name]
    if (config === undefined) continue
    const scope = inferenceScope(name, config)
    const { versions, aliases } =
      name === 'huggingface' ? huggingfaceVersions(scope, registryRef) : plainVersions(name, scope, registryRef)
    frameworks[name] = {
      ...(name === 'huggingface' ? { tagStyle: 'huggingface' } : {}),
      ...compact(name, versions),
      aliases
    }
  }
  return { ...(sdkCommit ? { sdkCommit } : {}), registries, frameworks }
}

function inferenceScope(name, config) {
  // Frameworks whose one set of images serves every purpose list it under "scope".
  if (Array.isArray(config.scope)) {
    if (!config.scope.includes('inference')) throw new Error(`${name}: no inference scope`)
    return config
  }
  if (!config.inference) throw new Error(`${name}: no inference images`)
  return config.inference
}

function imageFields(where, entry, topProcessors, registryRef) {
  for (const key of Object.keys(entry)) {
    if (!VERSION_FIELDS.has(key)) throw new Error(`${where}: unsupported field "${key}"`)
  }
  if (typeof entry.repository !== 'string') throw new Error(`${where}: no repository`)
  // As in image_uris.retrieve: processors listed for the whole scope win over a version's own.
  const processors = topProcessors ?? entry.processors ?? []
  for (const processor of processors) {
    if (!PROCESSORS.has(processor)) throw new Error(`${where}: unsupported processor "${processor}"`)
  }
  const fields = {
    repository: entry.repository,
    registries: registryRef(entry.registries, where),
    processors: [...processors].sort(),
    py: entry.py_versions ?? []
  }
  const extra = {}
  if (entry.container_version !== undefined) {
    extra.container = Object.fromEntries(processors.map((p) => [p, entry.container_version[p]]).filter(([, v]) => v))
  }
  if (entry.tag_prefix !== undefined) extra.tagPrefix = entry.tag_prefix
  return { fields, extra }
}

function plainVersions(name, scope, registryRef) {
  const versions = {}
  for (const [version, entry] of Object.entries(scope.versions)) {
    versions[version] = imageFields(`${name} ${version}`, entry, scope.processors, registryRef)
  }
  const aliases = {}
  for (const [alias, target] of Object.entries(scope.version_aliases ?? {})) {
    // A committed snapshot cannot follow "latest", and a deploy should name what it runs.
    if (alias === 'latest' || !(target in versions) || alias in versions) continue
    aliases[alias] = target
  }
  return { versions, aliases }
}

/**
 * Hugging Face nests the base framework under the transformers version
 * (4.37.0 → pytorch2.1.0). The action takes both in one input, joined the way
 * the SDK names them: `4.37.0-pytorch2.1.0`. TensorFlow-based images are left
 * out: current releases are PyTorch only.
 */
function huggingfaceVersions(scope, registryRef) {
  const versions = {}
  const aliases = {}
  const transformerAliases = Object.entries(scope.version_aliases ?? {}).filter(([alias]) => alias !== 'latest')
  for (const [transformers, bases] of Object.entries(scope.versions)) {
    const transformersSpellings = [
      transformers,
      ...transformerAliases.filter(([, target]) => target === transformers).map(([alias]) => alias)
    ]
    const baseAliases = Object.entries(bases.version_aliases ?? {})
    for (const [base, entry] of Object.entries(bases)) {
      if (base === 'version_aliases' || !base.startsWith('pytorch')) continue
      const key = `${transformers}-${base}`
      versions[key] = imageFields(`huggingface ${key}`, entry, scope.processors, registryRef)
      const baseSpellings = [base, ...baseAliases.filter(([, target]) => target === base).map(([alias]) => alias)]
      for (const t of transformersSpellings) {
        for (const b of baseSpellings) {
          if (`${t}-${b}` !== key) aliases[`${t}-${b}`] = key
        }
      }
    }
  }
  return { versions, aliases }
}

/** Moves the most common value of each field to the framework's defaults. */
function compact(name, entries) {
  if (Object.keys(entries).length === 0) throw new Error(`${name}: no inference versions`)
  const defaults = {}
  for (const field of ['repository', 'registries', 'processors', 'py']) {
    const counts = new Map()
    for (const { fields } of Object.values(entries)) {
      const key = JSON.stringify(fields[field])
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    const [best] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))
    defaults[field] = JSON.parse(best)
  }
  const versions = {}
  for (const [version, { fields, extra }] of Object.entries(entries)) {
    const own = {}
    for (const [field, value] of Object.entries(fields)) {
      if (JSON.stringify(value) !== JSON.stringify(defaults[field])) own[field] = value
    }
    versions[version] = { ...own, ...extra }
  }
  return { defaults, versions }
}

/** The table as a TypeScript module: one line per registry map and per version, so a regeneration diffs readably. */
export function renderModule(table) {
  const json = (value) => JSON.stringify(value)
  const lines = [
    `// Generated by scripts/framework-images.mjs (npm run images) from the SageMaker Python SDK's image_uri_config${
      table.sdkCommit ? ` at aws/sagemaker-python-sdk@${table.sdkCommit}` : ''
    }; do not edit.`,
    "import type { FrameworkImageTable } from './table.js'",
    '',
    'export const FRAMEWORK_IMAGES: FrameworkImageTable = {'
  ]
  if (table.sdkCommit) lines.push(`  sdkCommit: ${json(table.sdkCommit)},`)
  lines.push('  registries: [')
  lines.push(table.registries.map((map) => `    ${json(map)}`).join(',\n'))
  lines.push('  ],')
  lines.push('  frameworks: {')
  const frameworks = Object.entries(table.frameworks).map(([name, fw]) => {
    const body = []
    if (fw.tagStyle) body.push(`      tagStyle: ${json(fw.tagStyle)},`)
    body.push(`      defaults: ${json(fw.defaults)},`)
    body.push('      versions: {')
    body.push(
      Object.entries(fw.versions)
        .map(([version, entry]) => `        ${json(version)}: ${json(entry)}`)
        .join(',\n')
    )
    body.push('      },')
    body.push(`      aliases: ${json(fw.aliases)}`)
    return [`    ${json(name)}: {`, ...body, '    }'].join('\n')
  })
  lines.push(frameworks.join(',\n'))
  lines.push('  }')
  lines.push('}')
  lines.push('')
  return lines.join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder, sdkCommit] = process.argv.slice(2)
  if (!folder) {
    console.error(
      'usage: node scripts/framework-images.mjs <image_uri_config folder> [sdk commit] (see the top of the script)'
    )
    process.exit(2)
  }
  const configs = readConfigs(folder)
  const missing = Object.keys(FRAMEWORK_FILES).filter((name) => !(name in configs))
  if (missing.length > 0) {
    console.error(`${folder} lacks the config of: ${missing.join(', ')}`)
    process.exit(1)
  }
  const source = renderModule(buildTable(configs, sdkCommit))
  writeFileSync(OUTPUT, source)
  console.log(`Wrote src/images/framework-images.generated.ts (${Buffer.byteLength(source)} bytes).`)
}
