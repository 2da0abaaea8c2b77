import { checkFairForm, type FairFormValues } from './check'

const base: FairFormValues = {
  title: '环翠区妈妈岗冬季专场招聘会',
  mode: 'onsite',
  date: '2026-12-10',
  startTime: '09:00',
  endTime: '11:30',
  seats: '100',
  childFriendly: '',
  onlineUrl: '',
  description: '',
}
const place = { address: '文化中路88号', hasPoint: true }
const TODAY = '2026-12-04'

describe('checkFairForm', () => {
  it.each<[string, Partial<FairFormValues>, { address: string; hasPoint: boolean }, Record<string, string>]>([
    ['a complete onsite fair', {}, place, {}],
    ['a one-character title', { title: '会' }, place, { title: '招聘会名称为2-60个字' }],
    ['a past date', { date: '2026-12-01' }, place, { date: '招聘会日期不能早于今天' }],
    ['hours ending before they start', { startTime: '11:00', endTime: '10:00' }, place, { time: '结束时间应晚于开始时间' }],
    ['a time without minutes', { startTime: '9' }, place, { time: '开始时间格式应为 时:分，如 09:00' }],
    ['zero seats', { seats: '0' }, place, { seats: '名额为1-20000的整数' }],
    ['no address onsite', {}, { address: '', hasPoint: true }, { place: '请填写举办地址' }],
    ['no district onsite', {}, { address: '文化中路88号', hasPoint: false }, { place: '请选择举办地点所在区县' }],
    ['an online fair without a place', { mode: 'online' }, { address: '', hasPoint: false }, {}],
    ['an online fair with an http link', { mode: 'online', onlineUrl: 'http://x.cn' }, place, { onlineUrl: '线上地址应为 https:// 开头的链接' }],
  ])('%s', (_name, overrides, where, expected) => {
    expect(checkFairForm({ ...base, ...overrides }, where, TODAY)).toEqual(expected)
  })
})
