#!/usr/bin/env node
/**
 * Lists the longest functions and files of src/, read with the TypeScript
 * compiler's own parser. With --check it exits 1 when a function is longer
 * than 80 lines or a file longer than 400: long functions mix concerns.
 *
 *   node scripts/longest-functions.mjs [--most N] [--check]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const MAX_FUNCTION_LINES = 80
const MAX_FILE_LINES = 400
/** Generated from AWS's or action.yml's tables, not written by hand. */
const GENERATED = /\.generated\.ts$|action-defaults\.ts$/

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return full.endsWith('.ts') && !GENERATED.test(full) ? [full] : []
  })
}

function functionName(node, source) {
  if (node.name) return node.name.getText(source)
  const parent = node.parent
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source)
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source)
  return '(anonymous)'
}

/** Every function, method and arrow function with a body, with its length in lines. */
function functionsOf(file) {
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found = []
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line
      found.push({ file, name: functionName(node, source), line: start + 1, lines: end - start + 1 })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { functions: found, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }
}

const args = process.argv.slice(2)
const most = Number(args[args.indexOf('--most') + 1]) || 10
const check = args.includes('--check')
const files = sourceFiles('src').map((file) => ({ file, ...functionsOf(file) }))
const functions = files.flatMap((entry) => entry.functions).sort((a, b) => b.lines - a.lines)

console.log(`Longest functions in src/ (limit ${MAX_FUNCTION_LINES} lines):`)
for (const fn of functions.slice(0, most))
  console.log(`  ${String(fn.lines).padStart(4)}  ${fn.file}:${fn.line} ${fn.name}`)
console.log(`Longest files in src/ (limit ${MAX_FILE_LINES} lines):`)
for (const entry of [...files].sort((a, b) => b.lines - a.lines).slice(0, most)) {
  console.log(`  ${String(entry.lines).padStart(4)}  ${entry.file}`)
}
if (check) {
  const longFunctions = functions.filter((fn) => fn.lines > MAX_FUNCTION_LINES)
  const longFiles = files.filter((entry) => entry.lines > MAX_FILE_LINES)
  for (const fn of longFunctions) console.error(`too long: ${fn.file}:${fn.line} ${fn.name} has ${fn.lines} lines`)
  for (const entry of longFiles) console.error(`too long: ${entry.file} has ${entry.lines} lines`)
  if (longFunctions.length + longFiles.length > 0) process.exitCode = 1
}
