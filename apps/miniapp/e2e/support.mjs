// Shared by the browser journeys: start the real API (embedded PGlite, demo data, development
// sign-in, serving the H5 build), drive Debian's Chromium with playwright-core, save screenshots,
// and check that Chinese text is really drawn (not tofu boxes).
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const repoRoot = path.resolve(appRoot, '..', '..')
// E2E_H5_DIR: an H5 build elsewhere (TARO_OUTPUT_ROOT=… pnpm build:h5), e.g. while dist/h5 is in use.
export const h5Dir = process.env.E2E_H5_DIR ?? path.join(appRoot, 'dist', 'h5')
const apiDir = path.join(repoRoot, 'apps', 'api')
// E2E_API_DIST: a copy of apps/api/dist elsewhere (e.g. while apps/api is being rebuilt); its
// packages still come from apps/api/node_modules.
export const apiMain = path.join(process.env.E2E_API_DIST ?? path.join(apiDir, 'dist'), 'main.js')
export const shotsDir = process.env.E2E_SCREENSHOTS ?? path.join(appRoot, 'artifacts', 'screenshots')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function preflight() {
  const problems = []
  if (!existsSync(path.join(h5Dir, 'index.html'))) problems.push('dist/h5 not built: run `pnpm build:h5` in apps/miniapp')
  if (!existsSync(apiMain)) problems.push('apps/api/dist/main.js not built: run `pnpm build` in apps/api')
  if (!existsSync(executablePath)) problems.push(`no Chromium at ${executablePath} (apt-get install chromium fonts-wqy-microhei)`)
  let cjkFonts = ''
  try {
    cjkFonts = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim()
  } catch {
    // fc-list missing: the in-page glyph check below still runs
  }
  if (!cjkFonts) problems.push('no Chinese font installed (apt-get install fonts-wqy-microhei)')
  if (problems.length) {
    for (const p of problems) console.error(`e2e: ${p}`)
    process.exit(1)
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** The real API on a fresh embedded database, seeded with the demo city, serving the H5 build. */
export async function startApi() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mamagang-e2e-db-'))
  const port = await freePort()
  const log = []
  const child = spawn(process.execPath, [apiMain], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_PATH: path.join(apiDir, 'node_modules'),
      NODE_ENV: 'development',
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      DEV_LOGIN: 'true',
      SEED_DEMO: 'true',
      H5_DIR: h5Dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // Every browser user of a run signs in from 127.0.0.1: one address for a whole town's
      // worth of sign-ins. The other limits stay at their production defaults.
      RATE_LIMITS: 'sign_in.ip=200/1m',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const keep = (chunk) => {
    log.push(chunk.toString())
    if (log.length > 200) log.shift()
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const base = `http://127.0.0.1:${port}`
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))

  const deadline = Date.now() + 180_000
  try {
    for (;;) {
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 500))])
      if (code !== undefined) throw new Error(`API exited with ${code} before it was ready:\n${log.join('')}`)
      try {
        const res = await fetch(`${base}/health`)
        if (res.ok) break
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`API not healthy after 180 s:\n${log.join('')}`)
    }
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }

  return {
    base,
    log,
    async stop() {
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function launchBrowser() {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'mamagang-e2e-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/** A fresh tab with nothing stored: one person at a time, like a new phone. */
export async function freshPage(browser, base, errors) {
  const page = await browser.context.newPage()
  page.setDefaultTimeout(20_000)
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`))
  await page.goto(`${base}/`)
  await page.evaluate(() => localStorage.clear())
  // Load the app again with the empty storage (a hash change alone would keep the old state).
  await page.goto(`${base}/?fresh=${Date.now()}`)
  return page
}

let shotCount = 0

/** Saves a full-page screenshot and checks that the page's Chinese is drawn with real glyphs. */
export async function shot(page, name) {
  mkdirSync(shotsDir, { recursive: true })
  await page.waitForTimeout(400) // let transitions settle
  shotCount += 1
  const file = path.join(shotsDir, `${String(shotCount).padStart(2, '0')}-${name}.png`)
  // Taro's H5 pages scroll inside their own container, so a "full page" screenshot would stop at
  // the viewport: grow the viewport to the tallest scrolling container for the picture.
  const viewport = page.viewportSize()
  const tallest = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...Array.from(document.querySelectorAll('*'))
        .filter((el) => /(auto|scroll)/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight)
        .map((el) => el.scrollHeight + (window.innerHeight - el.clientHeight)),
    ),
  )
  if (viewport && tallest > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(tallest, 8000) })
  await page.screenshot({ path: file, fullPage: true })
  if (viewport && tallest > viewport.height) await page.setViewportSize(viewport)
  const cjk = await chineseRendering(page)
  if (!cjk.hasChinese) throw new Error(`${name}: no Chinese text on the page`)
  if (!cjk.drawn) throw new Error(`${name}: Chinese characters are drawn as missing-glyph boxes (font: ${cjk.font})`)
  const hard = await readability(page)
  if (hard.length) throw new Error(`${name}: hard to read or to tap:\n  ${hard.join('\n  ')}`)
  return file
}

/**
 * Readable for everyone: visible text at 14 CSS px or more (body text is 16), and every control
 * (buttons, links, tabs, chips, checkboxes, inputs) at least 44 CSS px tall.
 */
async function readability(page) {
  return page.evaluate(() => {
    const problems = []
    const visible = (el) => {
      const r = el.getBoundingClientRect()
      const st = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none' && !el.closest('[aria-hidden="true"]')
    }
    const label = (el) => (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 30)
    const controls = document.querySelectorAll('[role=button],[role=link],[role=tab],[role=radio],[role=checkbox],[role=switch],input,select,textarea,button')
    for (const el of controls) {
      if (!visible(el) || el.classList.contains('select__native')) continue
      const h = el.getBoundingClientRect().height
      if (h < 43.5) problems.push(`control "${label(el)}" is ${h.toFixed(1)} px tall (< 44)`)
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    const seen = new Set()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || seen.has(el) || !node.textContent.trim() || !visible(el)) continue
      seen.add(el)
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < 13.9) problems.push(`text "${node.textContent.trim().slice(0, 20)}" is ${size.toFixed(1)} px (< 14)`)
    }
    return problems.slice(0, 15)
  })
}

/**
 * Draws a few characters of the page with the page's own font on a canvas and compares them
 * with a code point no font has: identical pixels mean the browser fell back to tofu boxes.
 */
async function chineseRendering(page) {
  return page.evaluate(() => {
    const text = document.body.innerText
    const hasChinese = /[\u4e00-\u9fff]/.test(text)
    const font = `32px ${getComputedStyle(document.body).fontFamily}`
    const draw = (s) => {
      const canvas = document.createElement('canvas')
      canvas.width = 64
      canvas.height = 48
      const ctx = canvas.getContext('2d')
      ctx.font = font
      ctx.fillStyle = '#000'
      ctx.fillText(s, 4, 36)
      return Array.from(ctx.getImageData(0, 0, 64, 48).data)
    }
    const tofu = draw('\u{10FFFD}').join(',')
    const samples = ['妈', '岗', '位', '的']
    const drawn = samples.every((c) => {
      const pixels = draw(c)
      return pixels.some((v) => v !== 0) && pixels.join(',') !== tofu
    }) && new Set(samples.map((c) => draw(c).join(','))).size === samples.length
    return { hasChinese, drawn, font }
  })
}

/** Signs in on the H5 development sign-in page as the given demo user. */
export async function signInAs(page, base, user) {
  await page.goto(`${base}/#/pages/login/index`)
  await page.locator(`[data-demo-key="${user.demoKey}"]`).click()
}

/** Picks demo users by role at run time (the demo data may change its keys). */
export async function demoUsers(base) {
  const res = await fetch(`${base}/api/auth/dev/users`)
  if (!res.ok) throw new Error(`GET /api/auth/dev/users: ${res.status}`)
  const users = await res.json()
  const withRole = (role) => users.filter((u) => u.roles.includes(role))
  return { all: users, withRole, roleless: users.filter((u) => u.roles.length === 0) }
}

export function step(title) {
  console.log(`\n▶ ${title}`)
}

export function ok(message) {
  console.log(`  ok  ${message}`)
}
