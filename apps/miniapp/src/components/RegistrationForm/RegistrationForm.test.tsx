import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { makeResidentId } from '@mamagang/domain'
import type { RegistrationInput } from '../../types/api'
import RegistrationForm from './index'

const TODAY = '2026-03-01'
const GIVEN_AT = new Date('2026-03-01T02:30:00.000Z')
const NOTICE = { version: 'sensitive-v1', title: '妈妈岗求职登记敏感个人信息处理告知书', publishedOn: '2026-01-01', text: '为给您办理求职登记……' }
const VALID_ID = makeResidentId('37100219900101002') // born 1990-01-01

function renderForm() {
  const onSubmit = jest.fn<Promise<void>, [RegistrationInput]>(() => Promise.resolve())
  render(<RegistrationForm notice={NOTICE} onSubmit={onSubmit} today={TODAY} now={() => GIVEN_AT} />)
  return onSubmit
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const alerts = () => screen.queryAllByRole('alert').map((a) => a.textContent)

function fillValid() {
  type('姓名', ' 王丽 ')
  type('手机号', '138 0000 1111')
  type('身份证号', VALID_ID.slice(0, 17) + VALID_ID[17].toLowerCase())
}

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '完成登记' }))
  })
}

describe('RegistrationForm', () => {
  it('shows the notice and registers nobody without her consent', async () => {
    const onSubmit = renderForm()
    expect(screen.getByRole('region', { name: NOTICE.title }).textContent).toContain('为给您办理求职登记')
    fillValid()
    await submit()

    expect(onSubmit).not.toHaveBeenCalled()
    expect(alerts()).toContain('请先请宝妈阅读告知内容并勾选同意')
  })

  it('checks the ID number as it is typed: quiet while incomplete, then the domain verdict', () => {
    renderForm()
    type('身份证号', VALID_ID.slice(0, 10))
    expect(alerts()).toEqual([])

    const wrongCheck = VALID_ID.slice(0, 17) + (VALID_ID[17] === '1' ? '2' : '1')
    type('身份证号', wrongCheck)
    expect(alerts()).toEqual(['身份证号码校验位不正确，请逐位核对'])

    type('身份证号', '991002199001010023')
    expect(alerts()).toEqual(['身份证号码前两位不是有效的省级地区代码，请核对'])

    type('身份证号', VALID_ID)
    expect(alerts()).toEqual([])
    expect(screen.getByText('身份证号码有效（出生日期 1990-01-01）')).toBeTruthy()
  })

  it('checks the mobile number once all 11 digits are in', () => {
    renderForm()
    type('手机号', '1230000')
    expect(alerts()).toEqual([])
    type('手机号', '12300001111')
    expect(alerts()).toEqual(['请输入正确的11位手机号码'])
    type('手机号', '13800001111')
    expect(screen.getByText('手机号格式正确')).toBeTruthy()
  })

  it("takes children's birth year and month, shows the stage, and flags a month in the future", () => {
    renderForm()
    // Default child: born in January three years ago.
    expect(screen.getByText('3岁2个月，弹性兼顾型')).toBeTruthy()

    const year = screen.getByLabelText('第1个孩子出生年份') as HTMLSelectElement
    fireEvent.change(year, { target: { value: String(Array.from(year.options).findIndex((o) => o.textContent === '2025年')) } })
    fireEvent.change(screen.getByLabelText('第1个孩子出生月份'), { target: { value: '5' } }) // 6月
    expect(screen.getByText('9个月，全程陪伴型')).toBeTruthy()

    fireEvent.change(year, { target: { value: String(Array.from(year.options).findIndex((o) => o.textContent === '2026年')) } })
    expect(alerts()).toEqual(['孩子的出生年月（2026年6月）晚于今天，请核对'])

    fireEvent.click(screen.getByRole('button', { name: '+ 添加孩子' }))
    expect(screen.getByLabelText('第2个孩子出生年份')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '删除第1个孩子' }))
    expect(screen.queryByLabelText('第2个孩子出生年份')).toBeNull()
    expect(alerts()).toEqual([])
  })

  it('shows at once whether she counts as a 妈妈岗 mother', () => {
    renderForm()
    type('身份证号', VALID_ID)
    const status = screen.getByRole('status')
    expect(within(status).getByText('符合妈妈岗条件')).toBeTruthy()
    expect(status.textContent).toContain('弹性兼顾型')
  })

  it('sends the registration with normalised numbers, the consent version and time, and survey codes', async () => {
    const onSubmit = renderForm()
    fireEvent.click(screen.getByRole('checkbox', { name: '宝妈已阅读并同意告知书' }))
    fillValid()
    fireEvent.click(within(screen.getByRole('radiogroup', { name: '方便工作的时间：常用时间' })).getByRole('radio', { name: /晚上孩子睡后/ }))
    fireEvent.click(within(screen.getByRole('group', { name: '希望的工作方式' })).getByRole('checkbox', { name: '流动妈妈岗' }))
    fireEvent.click(within(screen.getByRole('group', { name: '想参加的免费培训' })).getByRole('checkbox', { name: '电商直播' }))
    type('技能特长', '缝纫，电脑打字  烹饪')
    type('期望时薪', '25')
    fireEvent.click(screen.getByRole('checkbox', { name: '今天同时办理失业登记' }))
    await submit()

    expect(onSubmit).toHaveBeenCalledTimes(1)
    const input = onSubmit.mock.calls[0][0]
    expect(input).toEqual({
      name: '王丽',
      phone: '13800001111',
      idNumber: VALID_ID.toUpperCase(),
      children: [{ birthYear: 2023, birthMonth: 1 }],
      availableWindows: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '20:00', end: '22:00' })),
      wantedTypes: [],
      wantedModes: ['take_home'],
      skills: ['缝纫', '电脑打字', '烹饪'],
      trainingNeeds: ['ecommerce_livestream'],
      desiredHourly: 25,
      registeredUnemployedSince: TODAY,
      employmentDifficulty: false,
      consent: { noticeVersion: 'sensitive-v1', givenAt: '2026-03-01T02:30:00.000Z' },
    })
  })

  it('lists what to fix and sends nothing when the ID number is wrong', async () => {
    const onSubmit = renderForm()
    fireEvent.click(screen.getByRole('checkbox', { name: '宝妈已阅读并同意告知书' }))
    fillValid()
    type('身份证号', '3710021990010100')
    await submit()
    expect(onSubmit).not.toHaveBeenCalled()
    expect(alerts()).toContain('身份证号码应为18位，您输入了16位')
  })
})
