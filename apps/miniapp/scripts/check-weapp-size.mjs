#!/usr/bin/env node
// After `taro build --type weapp`: check package sizes against WeChat's limits (kept
// with some headroom) and that every page declared in app.json was emitted.
//   main package  <= 1.5 MB   (WeChat's hard limit is 2 MB)
//   each subpackage <= 2 MB   (WeChat's hard limit is 2 MB)
// Exits 1 on any failure and prints a table of sizes either way.
// Usage: node scripts/check-weapp-size.mjs [distDir]   (default: dist/weapp)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const KB = 1024
const MB = 1024 * KB
const MAIN_LIMIT = 1.5 * MB
const SUB_LIMIT = 2 * MB

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.resolve(appRoot, process.argv[2] ?? 'dist/weapp')

// Files in the output folder that are not uploaded as part of the code package.
const NOT_SHIPPED = [/^project(\.private)?\.config\.json$/, /\.map$/]

function fail(message) {
  console.error(`check-weapp-size: ${message}`)
  process.exitCode = 1
}

function walk(dir, prefix = '') {
  const files = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...walk(path.join(dir, entry.name), rel))
    else if (!NOT_SHIPPED.some((re) => re.test(entry.name))) files.push({ rel, size: statSync(path.join(dir, entry.name)).size })
  }
  return files
}

function human(bytes) {
  return bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`
}

if (!existsSync(path.join(dist, 'app.json'))) {
  fail(`${path.relative(appRoot, dist)}/app.json not found: run \`taro build --type weapp\` first`)
  process.exit(1)
}

const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'))
const subpackages = (app.subPackages ?? app.subpackages ?? []).map((sub) => ({
  name: sub.name ?? sub.root,
  root: sub.root.replace(/^\/+|\/+$/g, ''),
  pages: sub.pages ?? [],
}))

// Sizes: every file belongs to the subpackage whose root contains it, else to the main package.
const files = walk(dist)
const sizes = new Map([['(main)', { bytes: 0, files: 0, limit: MAIN_LIMIT }]])
for (const sub of subpackages) sizes.set(sub.name, { bytes: 0, files: 0, limit: SUB_LIMIT, root: sub.root })
for (const file of files) {
  const owner = subpackages.find((sub) => file.rel === sub.root || file.rel.startsWith(`${sub.root}/`))
  const entry = sizes.get(owner ? owner.name : '(main)')
  entry.bytes += file.size
  entry.files += 1
}

// Pages: each needs its .js and .wxml (.json and .wxss are optional for Taro pages).
const declaredPages = [
  ...(app.pages ?? []).map((page) => ({ pkg: '(main)', page })),
  ...subpackages.flatMap((sub) => sub.pages.map((page) => ({ pkg: sub.name, page: `${sub.root}/${page}` }))),
]
const missing = []
for (const { pkg, page } of declaredPages) {
  for (const ext of ['.js', '.wxml']) {
    if (!existsSync(path.join(dist, `${page}${ext}`))) missing.push(`${pkg}: ${page}${ext}`)
  }
}

const rows = [...sizes.entries()].map(([name, entry]) => ({
  package: name,
  root: entry.root ?? '/',
  files: entry.files,
  size: human(entry.bytes),
  limit: human(entry.limit),
  status: entry.bytes > entry.limit ? 'TOO BIG' : 'ok',
}))
const total = files.reduce((sum, file) => sum + file.size, 0)
rows.push({ package: '(total)', root: '', files: files.length, size: human(total), limit: '', status: '' })

const columns = ['package', 'root', 'files', 'size', 'limit', 'status']
const widths = columns.map((col) => Math.max(col.length, ...rows.map((row) => String(row[col]).length)))
const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ')
console.log(`weapp package sizes (${path.relative(appRoot, dist)}):`)
console.log(line(columns))
console.log(line(widths.map((w) => '-'.repeat(w))))
for (const row of rows) console.log(line(columns.map((col) => row[col])))
console.log(`pages declared in app.json: ${declaredPages.length}, missing files: ${missing.length}`)

for (const [name, entry] of sizes) {
  if (entry.bytes > entry.limit) fail(`${name} is ${human(entry.bytes)}, over its ${human(entry.limit)} limit`)
}
for (const item of missing) fail(`missing page file ${item}`)
if (process.exitCode) console.error('check-weapp-size: FAILED')
else console.log('check-weapp-size: ok')
