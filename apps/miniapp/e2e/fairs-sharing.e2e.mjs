#!/usr/bin/env node
// Fairs, livestream posts and worker sharing through the H5 build, served by the real API on the
// embedded database with the demo city (Weihai), in headless Debian Chromium:
//   1. an official publishes a special recruitment fair today, with an employer's post;
//   2. a mother finds it near her, signs up, sees her check-in code and applies from the fair;
//   3. a station worker refuses a mistyped code, checks her in by her code, checks in a walk-in
//      registered at the station desk, and reads the fair's results per employer;
//   4. a factory offers surplus workers, a service centre asks for workers: both see the match;
//      the factory proposes its employee, she agrees herself, the centre accepts, and the
//      agreement between the two employers is shown.
// Screenshots go to artifacts/screenshots/ (E2E_SCREENSHOTS to change).
// Needs: `pnpm build:h5` here and `pnpm build` in apps/api first (see support.mjs for E2E_API_DIST / E2E_H5_DIR).
import { demoUsers, freshPage, launchBrowser, ok, preflight, shot, shotsDir, signInAs, startApi, step } from './support.mjs'

preflight()

const RUN = Date.now().toString(36).toUpperCase().slice(-4)
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const FAIR = { title: `环翠区妈妈岗专场招聘会${RUN}`, address: '环翠区文化中路88号人力资源市场一楼' }
const FACTORY = '威海暖阳服饰有限公司'
const CENTRE = '威海市爱心家政服务中心'
const FAIR_POST = '缝纫工（可提前下班接孩子）'

const api = await startApi()
const browser = await launchBrowser()
const errors = []
let failed = false

// Taro's H5 router keeps the pages below in the DOM (hidden): text lookups take visible ones only.
const inCard = (page, name) => page.getByRole('article', { name })

/** Signs in and waits until the app has left the sign-in page (the token is stored). */
async function signIn(page, user) {
  await signInAs(page, api.base, user)
  await page.waitForFunction(() => !location.hash.includes('pages/login'))
  // The app may move on once more (to the role's home): wait until the route holds still.
  let last = ''
  for (let stable = 0; stable < 4; ) {
    await page.waitForTimeout(250)
    const hash = await page.evaluate(() => location.hash)
    stable = hash === last ? stable + 1 : 0
    last = hash
  }
}

async function open(page, route) {
  await page.goto(`${api.base}/#/${route}`)
}

/** The API as a demo user, for the one step the demo data lacks (a hire at the factory). */
async function apiAs(demoKey) {
  const res = await fetch(`${api.base}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ demoKey }) })
  if (!res.ok) throw new Error(`dev sign-in ${demoKey}: ${res.status}`)
  const { token } = await res.json()
  return async (method, path, body) => {
    const r = await fetch(`${api.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    })
    const json = await r.json().catch(() => null)
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`)
    return json
  }
}

try {
  const users = await demoUsers(api.base)
  const byKey = (key) => {
    const u = users.all.find((x) => x.demoKey === key)
    if (!u) throw new Error(`demo user ${key} missing: ${users.all.map((x) => x.demoKey).join(', ')}`)
    return u
  }
  const official = byKey('official-huancui')
  const worker = byKey('station-huancui')
  const mother = byKey('mother-wang')
  const employee = byKey('mother-li')
  const factoryUser = byKey('employer-nuanyang')
  const centreUser = byKey('employer-aixin')
  const today = chinaToday()

  // ---------------------------------------------------------------------------------------------
  step('An official publishes a fair with an employer and its post')
  {
    const page = await freshPage(browser, api.base, errors)
    await signIn(page, official)
    await open(page, 'packages/fairs/manage/index')
    await page.getByRole('button', { name: '+ 发布招聘会' }).click()
    await page.getByLabel('招聘会名称', { exact: true }).fill(FAIR.title)
    await page.getByLabel('举办地点：所在区县', { exact: true }).selectOption({ label: '环翠区' })
    await page.getByLabel('举办地点：详细地址', { exact: true }).fill(FAIR.address)
    await page.getByLabel('举办地点：经纬度（可不填）', { exact: true }).fill('37.509, 122.116')
    await page.getByLabel('日期', { exact: true }).fill(today)
    await page.getByLabel('开始时间', { exact: true }).fill('00:00')
    await page.getByLabel('结束时间', { exact: true }).fill('23:59')
    await page.getByLabel('报名名额', { exact: true }).fill('50')
    await page.getByRole('checkbox', { name: `${FACTORY}：${FAIR_POST}` }).click()
    await shot(page, 'fair-form')
    await page.getByRole('button', { name: '发布招聘会' }).click()
    await page.getByRole('heading', { name: FAIR.title }).waitFor()
    ok(`published "${FAIR.title}" for ${today}`)
    await page.close()
  }

  // ---------------------------------------------------------------------------------------------
  step('A mother finds the fair near her, signs up, sees her code and applies from the fair')
  let code
  {
    const page = await freshPage(browser, api.base, errors)
    await signIn(page, mother)
    await open(page, 'pages/me/index')
    await page.locator('.nut-cell', { hasText: '专场招聘会' }).click()
    await inCard(page, FAIR.title).waitFor()
    await shot(page, 'mother-fairs-near')
    await inCard(page, FAIR.title).click()
    // The detail page, not the list still on screen during the navigation.
    await page.getByRole('heading', { name: FAIR.title }).waitFor()
    await page.getByText(`亲子安排：现场设儿童托管区和母婴室，可带孩子参加`).filter({ visible: true }).waitFor()
    await page.getByRole('button', { name: '报名参加' }).click()
    const codeGroup = page.getByRole('group', { name: /^入场签到码 / })
    await codeGroup.waitFor()
    code = (await codeGroup.getAttribute('aria-label')).replace('入场签到码 ', '').replace(/ /g, '')
    if (!/^\d{18}$/.test(code)) throw new Error(`unexpected code ${code}`)
    ok(`signed up; her code is ${code}`)
    await page.getByRole('button', { name: `申请${FAIR_POST}` }).click()
    await page.getByRole('button', { name: `申请${FAIR_POST}` }).getByText('已申请').filter({ visible: true }).waitFor()
    ok('applied to the factory’s post from the fair')
    await shot(page, 'mother-fair-signed-up')
    await open(page, 'packages/mother/fairs/index')
    await page.getByRole('tab', { name: /^我的报名/ }).click()
    await inCard(page, `我的报名：${FAIR.title}`).getByRole('group', { name: /^入场签到码 / }).waitFor()
    await shot(page, 'mother-fair-code')
    await page.close()
  }

  // ---------------------------------------------------------------------------------------------
  step('A station worker checks mothers in at the door and reads the results')
  {
    const page = await freshPage(browser, api.base, errors)
    await signIn(page, worker)
    await open(page, 'packages/fairs/manage/index')
    await inCard(page, FAIR.title).click()
    await page.getByRole('heading', { name: FAIR.title }).waitFor()
    const typo = code.slice(0, 13) + ((Number(code[13]) + 1) % 10) + code.slice(14)
    await page.getByLabel('签到码', { exact: true }).fill(typo)
    await page.getByRole('button', { name: '签到', exact: true }).click()
    await page.getByRole('alert').getByText(/签到码有误/).filter({ visible: true }).waitFor()
    ok('a mistyped code is refused')
    await page.getByLabel('签到码', { exact: true }).fill(code)
    await page.getByRole('button', { name: '签到', exact: true }).click()
    await page.getByRole('status').getByText(/签到成功/).filter({ visible: true }).waitFor()
    ok('her code checks her in')
    await page.getByRole('button', { name: '签到', exact: true }).waitFor()
    await page.getByLabel('签到码', { exact: true }).fill(code)
    await page.getByRole('button', { name: '签到', exact: true }).click()
    await page.getByRole('alert').getByText(/已于.*签到过/).filter({ visible: true }).waitFor()
    ok('the same code cannot be used twice')
    await shot(page, 'fair-desk-check-in')

    // A walk-in already registered at this station's desk.
    await page.getByLabel('按姓名或手机号查找宝妈', { exact: true }).fill('13806310013')
    await page.getByRole('button', { name: '查找', exact: true }).click()
    await page.getByRole('button', { name: /现场签到$/ }).first().click()
    await page.getByRole('status').getByText(/现场登记签到成功/).filter({ visible: true }).waitFor()
    await page.getByText('· 现场登记').filter({ visible: true }).first().waitFor()
    ok('a walk-in registered at the desk is checked in')
    await page.getByRole('tab', { name: '成效统计' }).click()
    await page.getByText('签到入场 2 人').filter({ visible: true }).waitFor()
    await inCard(page, FACTORY).getByText('岗位 1 个 · 投递 1 份 · 录用 0 人').filter({ visible: true }).waitFor()
    ok('results: 2 check-ins, 1 application to the factory from the fair')
    await shot(page, 'fair-desk-stats')
    await page.close()
  }

  // ---------------------------------------------------------------------------------------------
  step('The factory’s employee (a hire made through the API: the demo data has none)')
  const factoryApi = await apiAs(factoryUser.demoKey)
  const employeeApi = await apiAs(employee.demoKey)
  {
    const [factory] = (await factoryApi('GET', '/api/employers/mine')).filter((e) => e.name === FACTORY)
    const posts = await factoryApi('GET', `/api/employers/${factory.id}/posts`)
    const post = posts.find((p) => p.title === '包装员（固定白班）') ?? posts.find((p) => p.status === 'open')
    const application = await employeeApi('POST', `/api/posts/${post.id}/applications`, { source: 'search' })
    await factoryApi('POST', `/api/applications/${application.id}/accept`)
    await factoryApi('POST', `/api/applications/${application.id}/hire`, { startDate: today, contractForm: 'labour_contract', contractMonths: 12, socialInsurance: true })
    ok(`${employee.displayName} works at ${FACTORY} (${post.title})`)
  }

  step('A factory offers surplus workers and a service centre asks for workers: both see the match')
  {
    const page = await freshPage(browser, api.base, errors)
    await signIn(page, factoryUser)
    await open(page, 'packages/employer/sharing/index')
    await page.getByLabel('人数', { exact: true }).fill('3')
    await page.getByLabel('技能', { exact: true }).fill('包装 缝纫')
    await page.getByRole('button', { name: '发布调剂信息' }).click()
    await page.getByRole('tab', { name: /^发布/ }).click()
    await page.getByRole('article', { name: /^富余用工（可调出）/ }).first().waitFor()
    await shot(page, 'sharing-offer')
    await page.close()
  }
  {
    const page = await freshPage(browser, api.base, errors)
    await signIn(page, centreUser)
    await open(page, 'packages/employer/sharing/index')
    await page.getByRole('radio', { name: '用工短缺（需调入）' }).click()
    await page.getByLabel('人数', { exact: true }).fill('2')
    await page.getByLabel('技能', { exact: true }).fill('包装')
    await page.getByRole('button', { name: '发布调剂信息' }).click()
    await inCard(page, `匹配：${FACTORY}`).getByText('技能相符：包装').filter({ visible: true }).waitFor()
    ok('the centre sees the factory’s offer as a match')
    await shot(page, 'sharing-match-request-side')
    await page.close()
  }
  {
    const page = await freshPage(browser, api.base, errors)
    await signIn(page, factoryUser)
    await open(page, 'packages/employer/sharing/index')
    await page.getByRole('tab', { name: /^匹配/ }).click()
    const card = inCard(page, `匹配：${CENTRE}`)
    await card.waitFor()
    ok('the factory sees the centre’s request as a match')
    await card.getByRole('button', { name: '提出调剂方案' }).click()
    await card.getByRole('checkbox', { name: /^调剂员工李/ }).click()
    await card.getByLabel('调剂期间时薪', { exact: true }).fill('30')
    await shot(page, 'sharing-propose')
    await card.getByRole('button', { name: '发送方案' }).click()
    await page.getByText(/^李\*：待本人确认/).filter({ visible: true }).waitFor()
    ok('proposed its employee; she is asked herself')
    await page.close()
  }
  {
    const page = await freshPage(browser, api.base, errors)
    await signIn(page, employee)
    await open(page, 'packages/mother/sharing/index')
    const card = inCard(page, `调剂到${CENTRE}`)
    await card.getByText(/^调剂期间：30元\/小时/).filter({ visible: true }).waitFor()
    await shot(page, 'sharing-mother-consent')
    await card.getByRole('button', { name: '同意', exact: true }).click()
    await page.locator('.taro__modal').getByText('同意', { exact: true }).filter({ visible: true }).click()
    await card.getByText('本人已同意').filter({ visible: true }).waitFor()
    ok('she agreed herself')
    await page.close()
  }
  {
    const page = await freshPage(browser, api.base, errors)
    await signIn(page, centreUser)
    await open(page, 'packages/employer/sharing/index')
    await page.getByRole('tab', { name: /^方案/ }).click()
    await page.getByRole('button', { name: '同意方案' }).click()
    await page.getByText('李*：本人已同意（已签协议）').filter({ visible: true }).waitFor()
    await page.getByRole('tab', { name: /^协议/ }).click()
    await page.getByText(/用工余缺调剂服务协议/).filter({ visible: true }).first().waitFor()
    ok('the centre accepted: the agreement between the two employers is recorded')
    await shot(page, 'sharing-agreement')
    await page.close()
  }

  if (errors.length) throw new Error(`errors in the page:\n${errors.join('\n')}`)
} catch (error) {
  failed = true
  console.error(`\nFAILED: ${error instanceof Error ? error.stack : error}`)
  if (errors.length) console.error(`page errors:\n${errors.join('\n')}`)
  console.error(`API log (last lines):\n${api.log.slice(-20).join('')}`)
  for (const page of browser.context.pages()) {
    await page.screenshot({ path: `${shotsDir}/FAILED-fairs-${Date.now()}.png`, fullPage: true }).catch(() => undefined)
  }
} finally {
  await browser.close()
  await api.stop()
}
console.log(`\nscreenshots: ${shotsDir}`)
if (failed) process.exit(1)
console.log('e2e fairs and sharing: ok')
