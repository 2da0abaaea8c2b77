#!/usr/bin/env node
// Smoke test of the H5 build in headless Chromium: serves dist/h5 as static files (as
// the API will, no rewrites thanks to hash routes) plus a stub of the few API routes the
// first screens call, then walks first-run onboarding to the home page and checks that
// Chinese text and a recommended post are shown. Writes screenshots to $SMOKE_OUT (default: a temp dir).
// Needs Debian's chromium (+ fonts-wqy-microhei for readable Chinese) at $CHROMIUM or /usr/bin/chromium.
// Usage: pnpm build:h5 && node scripts/smoke-h5.mjs
import { createServer } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(appRoot, 'dist/h5')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const outDir = process.env.SMOKE_OUT ?? mkdtempSync(path.join(tmpdir(), 'mamagang-h5-'))

if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('smoke-h5: dist/h5/index.html not found: run `pnpm build:h5` first')
  process.exit(1)
}
if (!existsSync(executablePath)) {
  console.error(`smoke-h5: no Chromium at ${executablePath} (apt-get install chromium fonts-wqy-microhei)`)
  process.exit(1)
}

const POSTS = [
  {
    id: 'p1',
    title: '线上客服（居家）',
    employerName: '威海云帆电子商务有限公司',
    postTypeLabel: '远程线上',
    pay: { amount: 3000, maxAmount: 4000, unit: 'month', hourlyEquivalent: 24.3 },
    distanceKm: null,
    hoursText: '每天 9:00-15:00，周末休息',
    matchReasons: ['适合接送时间', '远程线上'],
  },
  {
    id: 'p2',
    title: '社区食堂帮厨',
    employerName: '环翠区社区服务中心',
    postTypeLabel: '学校餐厅',
    pay: { amount: 22, unit: 'hour' },
    distanceKm: 0.8,
    hoursText: '工作日 10:00-13:30',
    matchReasons: ['离家近'],
  },
]

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.ttf': 'font/ttf' }
const apiCalls = []

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname.startsWith('/api/')) {
    apiCalls.push(`${req.method} ${url.pathname}${url.search}`)
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    if (url.pathname === '/api/posts/recommended' || url.pathname === '/api/posts') {
      res.end(JSON.stringify({ items: POSTS, total: POSTS.length, page: 1, pageSize: 20 }))
    } else {
      res.statusCode = 404
      res.end(JSON.stringify({ code: 'NOT_FOUND', message: '接口不存在' }))
    }
    return
  }
  const file = path.join(dist, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname))
  if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
    res.statusCode = 404
    res.end('not found')
    return
  }
  res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream')
  res.end(readFileSync(file))
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${server.address().port}`

const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
})
const failures = []
const check = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`)
  if (!ok) failures.push(message)
}
try {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))

  // First run: the home page sends a new user to onboarding.
  await page.goto(`${base}/`)
  await page.getByText('欢迎来到妈妈岗').waitFor({ timeout: 20000 })
  check(page.url().includes('#/pages/onboarding/index'), `first run lands on onboarding (${page.url()})`)
  await page.screenshot({ path: path.join(outDir, 'onboarding.png'), fullPage: true })

  await page.getByText('弹性兼顾型 (孩子 3-6 岁)').click()
  await page.getByText('送完孩子后 (约 9:00-15:00)').click()
  await page.getByText('远程线上').click()
  await page.screenshot({ path: path.join(outDir, 'onboarding-answered.png'), fullPage: true })
  await page.locator('.onboarding__agree').click()

  // Home with the stubbed recommendations.
  await page.getByText('为您推荐的妈妈岗').waitFor({ timeout: 20000 })
  await page.getByText('线上客服（居家）').waitFor({ timeout: 10000 })
  const text = await page.locator('body').innerText()
  check(/[\u4e00-\u9fff]/.test(text), 'home page shows Chinese text')
  check(text.includes('3000-4000 元/月') && text.includes('约 24 元/小时'), 'post card shows pay and hourly equivalent')
  check(text.includes('800 米'), 'post card shows distance')
  check(text.includes('首页') && text.includes('搜索') && text.includes('我的'), 'tab bar shows 首页/搜索/我的')
  check(apiCalls.some((call) => call.startsWith('GET /api/posts/recommended?') && call.includes('stage=flexible')), `recommendations requested with the answers (${apiCalls.join(', ')})`)
  await page.waitForTimeout(800) // let the tab switch animation finish
  await page.screenshot({ path: path.join(outDir, 'home.png'), fullPage: true })

  // Search tab: filter bar renders and toggling a filter re-queries.
  await page.getByText('搜索', { exact: true }).last().click()
  await page.getByText('适合我的时间').waitFor({ timeout: 10000 })
  const before = apiCalls.length
  await page.getByText('可带回家做').click()
  await page.waitForTimeout(500)
  check(apiCalls.slice(before).some((call) => call.includes('takeHome=true')), 'toggling 可带回家做 searches with takeHome=true')
  await page.screenshot({ path: path.join(outDir, 'search.png'), fullPage: true })

  // 我的 tab (NutUI cells and button) and a role subpackage page, straight by hash route.
  await page.getByText('我的', { exact: true }).last().click()
  await page.getByText('开发环境登录').waitFor({ timeout: 10000 })
  check(true, '我的 shows the development sign-in')
  await page.screenshot({ path: path.join(outDir, 'me.png'), fullPage: true })
  await page.goto(`${base}/#/packages/employer/posts/index`)
  await page.locator('.placeholder__title', { hasText: '我发布的岗位' }).waitFor({ timeout: 10000 })
  check((await page.locator('body').innerText()).includes('即将提供'), 'employer subpackage page renders its placeholder')

  check(errors.length === 0, `no page errors${errors.length ? `: ${errors.join(' | ')}` : ''}`)
} catch (error) {
  failures.push(String(error))
  console.error(error)
} finally {
  await browser.close()
  server.close()
}
console.log(`screenshots: ${outDir}`)
if (failures.length) {
  console.error(`smoke-h5: ${failures.length} failure(s)`)
  process.exit(1)
}
console.log('smoke-h5: ok')
