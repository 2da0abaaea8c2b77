import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { PostInput } from '../../types/api'
import PostForm from './index'

const TODAY = '2026-03-01'
const WORKSHOP = { lat: 37.51, lng: 122.12 }

function renderForm(props: Partial<Parameters<typeof PostForm>[0]> = {}) {
  const onSubmit = jest.fn<Promise<void>, [PostInput]>(() => Promise.resolve())
  render(
    <PostForm
      employerKind='enterprise'
      regionCode='371002'
      defaultAddress='环翠区工业园1号'
      defaultLocation={WORKSHOP}
      defaultFacilities={{ motherBabyRoom: true, shuttleBus: false }}
      today={TODAY}
      onSubmit={onSubmit}
      {...props}
    />,
  )
  return onSubmit
}

const radio = (group: string, name: string) => within(screen.getByRole('radiogroup', { name: group })).getByRole('radio', { name })
const checked = (el: HTMLElement) => el.getAttribute('aria-checked') === 'true'
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement
const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } })

async function publish() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '发布岗位' }))
  })
}

describe('PostForm', () => {
  it('offers only the types the employer kind may post', () => {
    renderForm({ employerKind: 'community' })
    const types = within(screen.getByRole('radiogroup', { name: '岗位类型' }))
    expect(types.getByRole('radio', { name: '家政服务' })).toBeTruthy()
    expect(types.queryByRole('radio', { name: '生产线' })).toBeNull()
    expect(types.queryByRole('radio', { name: '城镇公益性岗位' })).toBeNull()
  })

  it("fills in the type's defaults when a type is chosen, and replaces them on a change of type", () => {
    renderForm()
    expect(screen.queryByLabelText('岗位名称')).toBeNull() // nothing but the type until one is chosen

    fireEvent.click(radio('岗位类型', '生产线'))
    expect(input('岗位名称').value).toBe('服装厂缝纫工')
    expect(checked(radio('计酬方式', '按月计酬'))).toBe(true)
    expect(checked(radio('保险', '社会保险'))).toBe(true)
    expect(checked(radio('合同', '劳动合同'))).toBe(true)
    const modes = within(screen.getByRole('group', { name: '妈妈岗模式' }))
    expect(checked(modes.getByRole('checkbox', { name: '宝妈班组' }))).toBe(true)
    expect(checked(modes.getByRole('checkbox', { name: '流动妈妈岗' }))).toBe(false)
    expect(checked(screen.getByRole('checkbox', { name: '时间灵活，由宝妈自己安排' }))).toBe(false)
    expect(input('工作时间').value).toBe('周一至周五 9:00-15:00')
    expect(checked(screen.getByRole('checkbox', { name: '有母婴室' }))).toBe(true)

    fireEvent.click(radio('岗位类型', '手工制作'))
    expect(input('岗位名称').value).toBe('假睫毛制作')
    expect(checked(radio('计酬方式', '按件计酬'))).toBe(true)
    expect(within(screen.getByRole('radiogroup', { name: '计酬方式' })).queryByRole('radio', { name: '按月计酬' })).toBeNull()
    expect(checked(radio('保险', '灵活就业社会保险'))).toBe(true)
    expect(checked(screen.getByRole('checkbox', { name: '可以把活带回家做' }))).toBe(true)
    expect(checked(screen.getByRole('checkbox', { name: '时间灵活，由宝妈自己安排' }))).toBe(true)
  })

  it('keeps a title the employer wrote herself when she changes the type', () => {
    renderForm()
    fireEvent.click(radio('岗位类型', '生产线'))
    type('岗位名称', '电子厂质检（可提前下班）')
    fireEvent.click(radio('岗位类型', '托育保障'))
    expect(input('岗位名称').value).toBe('电子厂质检（可提前下班）')
  })

  it('publishes pay, headcount and hours as the API expects', async () => {
    const onSubmit = renderForm()
    fireEvent.click(radio('岗位类型', '生产线'))
    type('最低报酬（元/月）', '3000')
    type('最高报酬（元/月，可不填）', '3600')
    fireEvent.click(screen.getByRole('button', { name: '增加一人' }))
    fireEvent.click(screen.getByRole('button', { name: '增加一人' }))
    type('工作时间', '周一至周五 8:30-11:30、13:30-15:30')

    expect(screen.getByText('已识别：周一至周五 8:30-11:30、13:30-15:30')).toBeTruthy()
    expect(screen.getByText(/^折合时薪约 /)).toBeTruthy()
    await publish()

    expect(onSubmit).toHaveBeenCalledTimes(1)
    const post = onSubmit.mock.calls[0][0]
    expect(post).toMatchObject({
      type: 'production_line',
      title: '服装厂缝纫工',
      headcount: 3,
      pay: { basis: 'monthly', min: 3000, max: 3600 },
      schedule: { flexible: false },
      insurance: 'social',
      contractForm: 'labour_contract',
      place: { remote: false, takeHome: false, location: WORKSHOP, address: '环翠区工业园1号' },
      facilities: { motherBabyRoom: true, shuttleBus: false, childMayCome: false },
      validUntil: '2026-06-01',
    })
    expect(post.schedule.windows).toHaveLength(10)
    expect(post.schedule.windows[0]).toEqual({ day: 1, start: '08:30', end: '11:30' })
    expect(post.schedule).not.toHaveProperty('hoursPerWeek')
  })

  it('refuses pay below the local minimum wage with the domain message, and sends nothing', async () => {
    const onSubmit = renderForm()
    fireEvent.click(radio('岗位类型', '生产线'))
    type('最低报酬（元/月）', '2000')

    expect(screen.getByRole('alert').textContent).toBe('月工资2000元，低于当地月最低工资标准2200元')
    await publish()
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('还有1处需要修改：月工资2000元，低于当地月最低工资标准2200元')
  })

  it('asks for the pieces per hour of piece-rate pay and the weekly hours of a flexible post', async () => {
    const onSubmit = renderForm()
    fireEvent.click(radio('岗位类型', '手工制作'))
    type('最低报酬（元/件）', '0.5')
    await publish()
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getByText('按件计酬请填写每小时大约能完成几件')).toBeTruthy()

    type('每小时大约能完成几件', '60')
    type('每周大约工作几小时', '15')
    await publish()
    expect(onSubmit).toHaveBeenCalledTimes(1)
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      type: 'handicraft',
      pay: { basis: 'per_piece', min: 0.5, max: 0.5, unitsPerHour: 60 },
      schedule: { flexible: true, windows: [], hoursPerWeek: 15 },
      place: { takeHome: true },
    })
  })

  it('refuses fixed hours for a type whose time must stay flexible', async () => {
    const onSubmit = renderForm()
    fireEvent.click(radio('岗位类型', '远程线上'))
    fireEvent.click(screen.getByRole('checkbox', { name: '时间灵活，由宝妈自己安排' }))
    type('最低报酬（元/件）', '2')
    type('每小时大约能完成几件', '20')
    await publish()
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getByText('“远程线上”岗位的工作时间应灵活，不能设为时间固定')).toBeTruthy()
  })

  it('needs a type before anything else', async () => {
    const onSubmit = renderForm()
    await publish()
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('请先选择岗位类型')
  })
})
