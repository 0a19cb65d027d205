// Writes the inputs and outputs tables of docs/inputs.md from action.yml, so
// the two never drift apart. `node scripts/docs.mjs --check` fails when they have.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const INPUTS_PAGE = 'docs/inputs.md'
const DEFAULTS_MODULE = 'src/action-defaults.ts'

/** The inputs' defaults as a module, so a run can tell what the user chose from what the runner filled in. */
export function renderDefaults(actionYaml) {
  const action = parse(actionYaml)
  const entries = Object.entries(action.inputs)
    .filter(([, input]) => input.default !== undefined && String(input.default) !== '')
    .map(([name, input]) => `  '${name}': ${JSON.stringify(String(input.default))}`)
  return [
    '// Generated from action.yml by scripts/docs.mjs (npm run docs); do not edit.',
    'export const ACTION_DEFAULTS: Readonly<Record<string, string>> = {',
    entries.join(',\n'),
    '}',
    ''
  ].join('\n')
}

export function renderTables(actionYaml) {
  const action = parse(actionYaml)
  const cell = (text) =>
    String(text ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\|/g, '\\|')
  const inputs = [
    '| Input | Description | Default |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs).map(([name, input]) => {
      const fallback = input.required
        ? '**required**'
        : input.default === '' || input.default === undefined
          ? ''
          : `\`${cell(input.default)}\``
      return `| \`${name}\` | ${cell(input.description)} | ${fallback} |`
    })
  ]
  const outputs = [
    '| Output | Description |',
    '| --- | --- |',
    ...Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)
  ]
  return { inputs: inputs.join('\n'), outputs: outputs.join('\n') }
}

export function updateReadme(readme, tables) {
  let updated = readme
  for (const [section, table] of Object.entries(tables)) {
    const pattern = new RegExp(`(<!-- ${section}:start -->\\n)[\\s\\S]*?(\\n<!-- ${section}:end -->)`)
    if (!pattern.test(updated))
      throw new Error(`${INPUTS_PAGE} has no <!-- ${section}:start --> ... <!-- ${section}:end --> markers`)
    updated = updated.replace(pattern, (_, start, end) => `${start}${table}${end}`)
  }
  return updated
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const actionYaml = readFileSync('action.yml', 'utf8')
  const readme = readFileSync(INPUTS_PAGE, 'utf8')
  const updated = updateReadme(readme, renderTables(actionYaml))
  const defaults = renderDefaults(actionYaml)
  const currentDefaults = readFileSync(DEFAULTS_MODULE, { encoding: 'utf8', flag: 'a+' })
  if (process.argv.includes('--check')) {
    if (updated !== readme || defaults !== currentDefaults) {
      console.error(`docs/inputs.md tables or ${DEFAULTS_MODULE} differ from action.yml: run "npm run docs".`)
      process.exit(1)
    }
    console.log(`docs/inputs.md tables and ${DEFAULTS_MODULE} match action.yml.`)
  } else {
    writeFileSync(INPUTS_PAGE, updated)
    writeFileSync(DEFAULTS_MODULE, defaults)
  }
}
