#!/usr/bin/env node
/**
 * Renders each __fixtures__/summaries/*.md the way a job summary shows on a
 * workflow run page, and saves a full-page screenshot in docs/summaries/.
 * Markdown with embedded HTML goes through marked, mermaid blocks through
 * the mermaid package itself, and headless Chromium takes the picture. The
 * page may load nothing from the network, so what it shows comes only from
 * the summary and node_modules.
 *
 *   node scripts/render-summaries.mjs [--dark] [--out=DIR] [name | file.md ...]
 *
 * A name picks one of the kept summaries; a path to a .md file renders that
 * file instead, to try a change to the summary's layout before making it.
 *
 * Fails when a mermaid block does not parse, when the page asks for anything
 * from outside, or when escaped HTML leaks into the text a reader sees:
 * each of those shows on GitHub as broken too.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Marked } from 'marked'
import { chromium } from 'playwright-core'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SOURCES = path.join(ROOT, '__fixtures__', 'summaries')
const require = createRequire(import.meta.url)
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

const args = process.argv.slice(2)
const dark = args.includes('--dark')
const OUTPUT = path.resolve(
  args.find((arg) => arg.startsWith('--out='))?.slice('--out='.length) || path.join(ROOT, 'docs', 'summaries')
)
const only = args.filter((arg) => !arg.startsWith('--'))

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

// GitHub turns a ```mermaid fence into a diagram; anything else stays a code block.
const marked = new Marked({
  gfm: true,
  renderer: {
    code({ text, lang }) {
      if (lang === 'mermaid') return `<pre class="mermaid">${escapeHtml(text)}</pre>\n`
      return false
    }
  }
})

const css = readFileSync(require.resolve(`github-markdown-css/github-markdown-${dark ? 'dark' : 'light'}.css`), 'utf8')
const mermaidScript = require.resolve('mermaid/dist/mermaid.min.js')

/** Roughly the run page's summary card: a bordered box with the job's name above the Markdown. */
function page(name, body) {
  const frame = dark
    ? { page: '#010409', card: '#0d1117', border: '#3d444d', muted: '#9198a1' }
    : { page: '#f6f8fa', card: '#ffffff', border: '#d1d9e0', muted: '#59636e' }
  return `<!doctype html>
<html lang="en" data-color-mode="${dark ? 'dark' : 'light'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(name)}</title>
<style>${css}</style>
<style>
  body { margin: 0; padding: 24px; background: ${frame.page}; }
  .card { max-width: 1012px; margin: 0 auto; background: ${frame.card}; border: 1px solid ${frame.border}; border-radius: 6px; }
  .card > header { padding: 12px 24px; border-bottom: 1px solid ${frame.border}; color: ${frame.muted};
    font: 600 14px -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
  .markdown-body { padding: 24px 32px; }
  .markdown-body pre.mermaid { background: transparent; text-align: center; }
  .render-error { color: #d1242f; white-space: pre-wrap; font-family: monospace; }
</style>
</head>
<body>
<div class="card">
<header>deploy summary</header>
<article class="markdown-body">
${body}
</article>
</div>
</body>
</html>`
}

/** Entities a reader would see spelled out: an escape applied twice, or inside a code span. */
function leakedEscapes(text) {
  return [...new Set(text.match(/&(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/gi) ?? [])]
}

async function render(browser, file) {
  const name = path.basename(file, '.md')
  const markdown = readFileSync(file, 'utf8')
  const problems = []

  const tab = await browser.newPage()
  // A job summary never loads anything from elsewhere; a request here is a bug in the summary or this page.
  await tab.route('**/*', (route) => {
    problems.push(`blocked a request for ${route.request().url()}`)
    return route.abort()
  })
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  await tab.setContent(page(name, await marked.parse(markdown)), { waitUntil: 'load' })
  await tab.addScriptTag({ path: mermaidScript })
  const mermaidErrors = await tab.evaluate(
    async (theme) => {
      const errors = []
      /* global mermaid, document */
      mermaid.initialize({ startOnLoad: false, theme, securityLevel: 'strict' })
      for (const block of document.querySelectorAll('pre.mermaid')) {
        try {
          await mermaid.run({ nodes: [block], suppressErrors: false })
        } catch (error) {
          // Parse errors come as plain objects carrying `str` or `message`, not as Errors.
          const message =
            typeof error === 'object' && error !== null
              ? String(error.message ?? error.str ?? JSON.stringify(error))
              : String(error)
          errors.push(message)
          block.classList.add('render-error')
          block.textContent = `mermaid could not render this block:\n${message}`
        }
      }
      return errors
    },
    dark ? 'dark' : 'default'
  )
  problems.push(...mermaidErrors.map((message) => `mermaid: ${message}`))

  const visible = await tab.evaluate(() => document.querySelector('.markdown-body')?.innerText ?? '')
  for (const entity of leakedEscapes(visible)) problems.push(`the page shows "${entity}" where a character was meant`)

  const out = path.join(OUTPUT, `${name}${dark ? '-dark' : ''}.png`)
  await tab.screenshot({ path: out, fullPage: true })
  await tab.close()
  return { name, out, problems }
}

const kept = readdirSync(SOURCES)
  .filter((entry) => entry.endsWith('.md'))
  .sort()
  .map((entry) => path.join(SOURCES, entry))
const files =
  only.length === 0
    ? kept
    : only.map((arg) => (arg.endsWith('.md') ? path.resolve(arg) : path.join(SOURCES, `${arg}.md`)))
const missing = files.filter((file) => !existsSync(file))
if (missing.length > 0) {
  console.error(`No such summary: ${missing.map((file) => path.relative(ROOT, file)).join(', ')}`)
  process.exit(1)
}
if (files.length === 0) {
  console.error(
    `No summaries to render in ${path.relative(ROOT, SOURCES)}: run the summary-fixtures test with UPDATE_SUMMARY_FIXTURES=1 first.`
  )
  process.exit(1)
}
mkdirSync(OUTPUT, { recursive: true })

const profile = mkdtempSync(path.join(tmpdir(), 'render-summaries-'))
let failed = false
// A persistent context is how playwright takes a --user-data-dir: a fresh one each run, so nothing carries over.
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  // Short, so a full-page shot of a short summary ends where the summary does.
  viewport: { width: 1100, height: 200 },
  colorScheme: dark ? 'dark' : 'light',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
  ]
})
try {
  for (const file of files) {
    const { out, problems } = await render(browser, file)
    console.log(`${path.relative(ROOT, out)}${problems.length ? '' : ' ok'}`)
    for (const problem of problems) console.error(`  ${problem}`)
    failed ||= problems.length > 0
  }
} finally {
  await browser.close()
  rmSync(profile, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
