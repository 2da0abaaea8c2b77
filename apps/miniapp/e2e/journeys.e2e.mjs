#!/usr/bin/env node
// Every role's journey through the H5 build, served by the real API on the embedded database
// with the demo city (Weihai), in headless Debian Chromium:
//   1. an employer files, an official approves the filing, the employer posts a gig;
//   2. a mother signs in, answers the three first-run questions, finds a post that fits her
//      hours and applies;
//   3. the employer accepts her and reports the hire;
//   4. a station worker registers a mother at the desk (with her consent) and records a service;
//   5. an official takes a post down and looks at the region's figures.
// Screenshots of every main screen go to artifacts/screenshots/ (E2E_SCREENSHOTS to change).
// Needs: `pnpm build:h5` here and `pnpm build` in apps/api first.
import domain from '@mamagang/domain'
import { demoUsers, freshPage, launchBrowser, ok, preflight, shot, shotsDir, signInAs, startApi, step } from './support.mjs'

const { makeResidentId, makeUscc } = domain

preflight()

const RUN = Date.now().toString(36).toUpperCase()
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const randomCode = (n) => Array.from({ length: n }, () => USCC_CHARS[Math.floor(Math.random() * USCC_CHARS.length)]).join('')
const randomDigits = (n) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')

const EMPLOYER = {
  uscc: makeUscc(`91371002MA${randomCode(7)}`),
  name: `威海暖心童装有限公司${RUN.slice(-4)}`,
  contact: '赵经理',
  phone: '13963188001',
  address: '环翠区青岛北路100号',
}
const GIG = { title: '童装包装员（接送时间内）', hours: '周一至周五 9:30-14:30', payMin: '3000', payMax: '3600' }
const DESK_MOTHER = { name: `孙${RUN.slice(-2)}梅`, phone: `139${randomDigits(8)}`, id: makeResidentId(`3710021992051${randomDigits(4)}`) }

const api = await startApi()
const browser = await launchBrowser()
const errors = []
let failed = false

/** Clicks a card's button by the card's accessible name. */
const inCard = (page, name) => page.getByRole('article', { name })

try {
  const users = await demoUsers(api.base)
  const newcomers = users.roleless
  if (newcomers.length === 0) throw new Error('the demo data has no user without a role (needed to file a new employer)')
  const employerUser = newcomers[0]
  // A second role-less user starts as a brand-new mother; without one, a demo mother answers
  // the three first-run questions again (same pages, same API call).
  const motherUser = newcomers[1] ?? users.withRole('mother')[0]
  const officials = users.withRole('official')
  const stationUser = users.withRole('station_worker')[0]
  if (!motherUser || officials.length === 0 || !stationUser) throw new Error(`demo users missing: ${JSON.stringify(users.all)}`)
  console.log(`API ${api.base}; employer ${employerUser.demoKey}, mother ${motherUser.demoKey}, station ${stationUser.demoKey}, officials ${officials.map((o) => o.demoKey).join(', ')}`)

  // ---------------------------------------------------------------------------------------------
  step('Employer files into the directory')
  {
    const page = await freshPage(browser, api.base, errors)
    await page.getByText('欢迎来到妈妈岗').waitFor()
    await shot(page, 'onboarding-privacy')
    await page.getByRole('button', { name: '同意并继续' }).click()
    await page.getByRole('button', { name: '演示账号登录' }).click()
    await page.locator('[data-demo-key]').first().waitFor()
    await shot(page, 'dev-sign-in')
    await page.locator(`[data-demo-key="${employerUser.demoKey}"]`).click()
    // A new account lands on the mother's first questions, with the way to the employer filing.
    await page.getByRole('link', { name: '我是用人单位，去办理备案' }).click()
    await page.getByRole('heading', { name: '用人单位备案' }).waitFor()

    await page.getByLabel('统一社会信用代码', { exact: true }).fill(EMPLOYER.uscc.slice(0, 8))
    await page.getByText('已输入8位，共18位').waitFor()
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(EMPLOYER.uscc.slice(0, 17) + (EMPLOYER.uscc[17] === '0' ? '1' : '0'))
    await page.getByText('统一社会信用代码校验位不正确，请逐位核对营业执照').waitFor()
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(EMPLOYER.uscc)
    await page.getByText('代码有效（企业）').waitFor()
    ok('the credit code is checked as it is typed')
    await page.getByLabel('单位名称', { exact: true }).fill(EMPLOYER.name)
    await page.getByRole('radio', { name: '企业', exact: true }).click()
    await page.getByLabel('联系人', { exact: true }).fill(EMPLOYER.contact)
    await page.getByLabel('联系电话', { exact: true }).fill(EMPLOYER.phone)
    await page.getByLabel('单位位置：所在区县', { exact: true }).selectOption({ label: '环翠区' })
    await page.getByLabel('单位位置：详细地址', { exact: true }).fill(EMPLOYER.address)
    await page.getByLabel('单位位置：经纬度（可不填）', { exact: true }).fill('37.508, 122.110')
    await page.getByRole('checkbox', { name: '有母婴室' }).click()
    await shot(page, 'employer-filing-form')
    await page.getByRole('button', { name: '提交备案' }).click()
    await inCard(page, EMPLOYER.name).getByText('待审核').waitFor()
    await shot(page, 'employer-filing-status')
    ok(`filed ${EMPLOYER.name}: pending`)
    await page.close()
  }

  // ---------------------------------------------------------------------------------------------
  step('An official approves the filing')
  {
    const page = await freshPage(browser, api.base, errors)
    let approved = false
    for (const official of officials) {
      await signInAs(page, api.base, official)
      await page.getByRole('heading', { name: '用人单位备案审核' }).waitFor()
      await page.getByText(/没有待审核的备案|统一社会信用代码/).first().waitFor()
      const card = inCard(page, EMPLOYER.name)
      if ((await card.count()) === 0) continue
      await shot(page, 'official-filings')
      await card.getByRole('button', { name: `通过${EMPLOYER.name}的备案` }).click()
      await card.waitFor({ state: 'detached' })
      approved = true
      ok(`${official.displayName} approved it`)
      break
    }
    if (!approved) throw new Error(`no official saw the filing of ${EMPLOYER.name}`)
    await page.close()
  }

  // ---------------------------------------------------------------------------------------------
  step('The employer posts a gig from the phone')
  {
    const page = await freshPage(browser, api.base, errors)
    await signInAs(page, api.base, employerUser)
    await page.getByRole('button', { name: '+ 发布新岗位' }).click()
    await page.getByRole('radiogroup', { name: '岗位类型' }).waitFor()
    const started = Date.now()
    await page.getByRole('radio', { name: '生产线' }).click()
    // The catalogue's defaults are filled in.
    await page.getByRole('radio', { name: '按月计酬' }).and(page.locator('[aria-checked="true"]')).waitFor()
    await page.getByRole('radiogroup', { name: '保险' }).getByRole('radio', { name: '社会保险' }).and(page.locator('[aria-checked="true"]')).waitFor()
    ok('choosing 生产线 filled in monthly pay, social insurance and a labour contract')
    await page.getByLabel('岗位名称', { exact: true }).fill(GIG.title)
    await page.getByLabel('工作时间', { exact: true }).fill(GIG.hours)
    await page.getByText('已识别：周一至周五 9:30-14:30').waitFor()
    await page.getByLabel('最低报酬（元/月）', { exact: true }).fill(GIG.payMin)
    await page.getByLabel('最高报酬（元/月，可不填）', { exact: true }).fill(GIG.payMax)
    await page.getByRole('button', { name: '增加一人' }).click()
    await page.getByText(/^折合时薪约/).waitFor()
    await shot(page, 'employer-post-form')
    await page.getByRole('button', { name: '发布岗位' }).click()
    await inCard(page, GIG.title).getByText('招聘中').waitFor()
    ok(`published "${GIG.title}" in ${Math.round((Date.now() - started) / 1000)} s of form time`)
    await shot(page, 'employer-posts')
    await page.close()
  }

  // ---------------------------------------------------------------------------------------------
  step('A mother signs in, starts, finds a post that fits her hours and applies')
  {
    const page = await freshPage(browser, api.base, errors)
    await page.getByRole('button', { name: '同意并继续' }).click()
    await page.getByRole('button', { name: '演示账号登录' }).click()
    await page.locator(`[data-demo-key="${motherUser.demoKey}"]`).click()
    if (motherUser.roles.includes('mother')) {
      // An existing demo mother answers the first-run questions again from 我的.
      await page.getByRole('heading', { name: '为您推荐的妈妈岗' }).waitFor()
      await page.goto(`${api.base}/#/pages/me/index`)
      await page.getByRole('link', { name: '重新回答开始的3个问题' }).click()
    }
    await page.getByText('回答3个问题，马上为您推荐').waitFor()
    await page.getByLabel('第1个孩子出生年份', { exact: true }).selectOption({ label: '2022年' })
    await page.getByLabel('第1个孩子出生月份', { exact: true }).selectOption({ label: '3月' })
    await page.getByText(/弹性兼顾型/).first().waitFor()
    await page.getByLabel('家的位置：所在区县', { exact: true }).selectOption({ label: '环翠区' })
    await page.getByRole('radio', { name: /孩子在园\/在校时/ }).click()
    await shot(page, 'onboarding-questions')
    await page.getByRole('button', { name: '开始找工作' }).click()

    await page.getByRole('heading', { name: '为您推荐的妈妈岗' }).waitFor()
    await page.locator('.post-card').first().waitFor()
    await shot(page, 'mother-home')
    await page.getByRole('tab', { name: '地图' }).click()
    await page.locator('.post-map__legend').waitFor()
    await page.waitForTimeout(1500)
    await shot(page, 'mother-home-map')

    await page.goto(`${api.base}/#/pages/search/index`)
    await page.getByRole('switch', { name: '适合我的时间' }).click()
    await page.getByLabel('类型', { exact: true }).selectOption({ label: '生产线' })
    const card = page.getByRole('button', { name: new RegExp(`^${GIG.title}，${EMPLOYER.name}`) })
    for (let i = 0; i < 10 && (await card.count()) === 0; i++) {
      const more = page.getByRole('button', { name: '加载更多' })
      if (await more.count()) await more.click()
      else await page.waitForTimeout(500)
    }
    await card.waitFor()
    const text = await card.innerText()
    if (!text.includes('3000-3600元/月') || !/折合约[\d.]+-[\d.]+元\/小时/.test(text)) throw new Error(`card lacks pay or hourly equivalent: ${text}`)
    if (!text.includes('周一至周五 9:30-14:30')) throw new Error(`card lacks the hours: ${text}`)
    ok('with 适合我的时间 on, the new gig is listed with its pay, hourly equivalent and hours')
    await shot(page, 'mother-search')
    await card.click()

    await page.getByRole('heading', { name: GIG.title }).waitFor()
    await page.getByText('签劳动合同：受《劳动法》保护').waitFor()
    await page.getByText('已备案 · 用人单位名录').waitFor()
    await shot(page, 'post-detail')
    await page.getByRole('button', { name: '一键申请' }).click()
    await page.getByRole('button', { name: '已申请' }).waitFor()
    ok('applied in one tap')

    await page.goto(`${api.base}/#/packages/mother/applications/index`)
    await inCard(page, GIG.title).waitFor()
    await shot(page, 'mother-applications')
    await page.goto(`${api.base}/#/pages/me/index`)
    await page.getByText('我的求职').waitFor()
    await shot(page, 'mother-me')
    await page.goto(`${api.base}/#/packages/mother/policies/index`)
    await page.getByText(/最多|暂时无法查询|依据/).first().waitFor()
    await shot(page, 'mother-policies')
    await page.goto(`${api.base}/#/packages/mother/help/index`)
    await page.getByRole('heading', { name: '维权咨询窗口' }).waitFor()
    await shot(page, 'mother-help')
    await page.close()
  }

  // ---------------------------------------------------------------------------------------------
  step('The employer accepts the mother and reports the hire')
  {
    const page = await freshPage(browser, api.base, errors)
    await signInAs(page, api.base, employerUser)
    await inCard(page, GIG.title).getByRole('button', { name: `${GIG.title}的应聘人员` }).click()
    const applicant = page.getByRole('article', { name: /^应聘人/ }).first()
    await applicant.waitFor()
    const before = await applicant.innerText()
    if (!/\d{3}\*{4}\d{4}|未绑定/.test(before)) throw new Error(`phone not masked before acceptance: ${before}`)
    await shot(page, 'employer-applicants')
    await applicant.getByRole('button', { name: /^接受/ }).click()
    await applicant.getByText('已通过').waitFor()
    if (/\*{4}/.test(await applicant.innerText())) throw new Error('phone still masked after acceptance')
    ok('the phone number shows in full once accepted')
    await applicant.getByRole('button', { name: /^报告录用/ }).click()
    await applicant.getByRole('button', { name: '确认录用' }).click()
    await applicant.getByText('已录用').waitFor()
    ok('accepted and hired')
    await shot(page, 'employer-hired')
    await page.close()
  }

  // ---------------------------------------------------------------------------------------------
  step('A station worker registers a mother at the desk and records a service')
  {
    const page = await freshPage(browser, api.base, errors)
    await signInAs(page, api.base, stationUser)
    await page.getByRole('heading', { name: '服务工作台' }).waitFor()
    await shot(page, 'station-worklist')
    await page.getByRole('button', { name: '+ 登记新宝妈' }).click()
    await page.getByRole('region', { name: /告知书/ }).waitFor()
    await page.getByLabel('姓名', { exact: true }).fill(DESK_MOTHER.name)
    await page.getByLabel('手机号', { exact: true }).fill(DESK_MOTHER.phone)
    await page.getByLabel('身份证号', { exact: true }).fill(DESK_MOTHER.id.slice(0, 17) + (DESK_MOTHER.id[17] === '1' ? '2' : '1'))
    await page.getByText('身份证号码校验位不正确，请逐位核对').waitFor()
    await page.getByLabel('身份证号', { exact: true }).fill(DESK_MOTHER.id)
    await page.getByText(/^身份证号码有效/).waitFor()
    await page.getByText('符合妈妈岗条件').waitFor()
    ok('ID number checked as typed; eligibility shown')
    await page.getByRole('button', { name: '完成登记' }).click()
    await page.getByText('还有内容需要修改：请先请宝妈阅读告知内容并勾选同意').waitFor()
    ok('nothing registered without her consent')
    await page.getByRole('checkbox', { name: '宝妈已阅读并同意告知书' }).click()
    await page.getByRole('group', { name: '想参加的免费培训' }).getByRole('checkbox', { name: '电商直播' }).click()
    await shot(page, 'station-register')
    await page.getByRole('button', { name: '完成登记' }).click()

    await page.getByText(`${DESK_MOTHER.name}的需求调查`).waitFor()
    await shot(page, 'station-survey')
    await page.getByRole('button', { name: '跳过，稍后再填' }).click()

    await page.getByRole('heading', { name: /^宝妈档案/ }).waitFor()
    await page.getByText(/已完成 \d+%/).waitFor()
    await page.getByLabel('服务内容', { exact: true }).fill('讲解灵活就业社保补贴和妈妈岗政策')
    await page.getByLabel('结果', { exact: true }).fill('宝妈已了解，准备申请')
    await page.getByRole('button', { name: '保存服务记录' }).click()
    await page.getByRole('article', { name: /政策对接/ }).getByText('讲解灵活就业社保补贴和妈妈岗政策').waitFor()
    ok('service recorded and listed in her history')
    const firstRec = page.getByRole('checkbox', { name: /^选择/ }).first()
    if (await firstRec.count()) {
      await firstRec.click()
      await page.getByRole('button', { name: /^推荐给她/ }).click()
      await page.getByRole('article', { name: /推荐岗位信息/ }).first().waitFor()
      ok('recommended a matched post (recorded as a 12333 job recommendation)')
    }
    await shot(page, 'station-mother-file')
    await page.close()
  }

  // ---------------------------------------------------------------------------------------------
  step("An official takes a post down and reads the region's figures")
  {
    const page = await freshPage(browser, api.base, errors)
    await signInAs(page, api.base, officials[0])
    await page.getByRole('heading', { name: '用人单位备案审核' }).waitFor()
    await page.getByRole('button', { name: '岗位管理' }).click()
    const takeDown = page.getByRole('button', { name: /^下架/ }).first()
    await takeDown.waitFor()
    await shot(page, 'official-posts')
    await takeDown.click()
    await page.getByLabel('下架原因', { exact: true }).fill('岗位信息与实际不符（演示）')
    await page.getByRole('button', { name: '确认下架' }).click()
    await page.getByText('已下架，并通知了单位').waitFor()
    ok('took a post down with a reason')
    await page.goto(`${api.base}/#/packages/official/dashboard/index`)
    await page.getByRole('heading', { name: /^数据看板/ }).waitFor()
    await page.getByRole('listitem').first().waitFor()
    await shot(page, 'official-dashboard')
    // Officials also use the H5 build on a desktop.
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`${api.base}/#/packages/official/filings/index`)
    await page.getByRole('tab', { name: '已通过' }).click()
    await inCard(page, EMPLOYER.name).waitFor()
    await shot(page, 'official-filings-desktop')
    await page.close()
  }

  if (errors.length) throw new Error(`errors in the page:\n${errors.join('\n')}`)
} catch (error) {
  failed = true
  console.error(`\nFAILED: ${error instanceof Error ? error.stack : error}`)
  if (errors.length) console.error(`page errors:\n${errors.join('\n')}`)
  console.error(`API log (last lines):\n${api.log.slice(-20).join('')}`)
  for (const page of browser.context.pages()) {
    await page.screenshot({ path: `${shotsDir}/FAILED-${Date.now()}.png`, fullPage: true }).catch(() => undefined)
  }
} finally {
  await browser.close()
  await api.stop()
}
console.log(`\nscreenshots: ${shotsDir}`)
if (failed) process.exit(1)
console.log('e2e journeys: ok')
