import { formatDate, formatDistance, hourlyNote, modeLabel, todayInChina } from './format'

describe('formatDistance', () => {
  it.each([
    [0.004, '10 米'],
    [0.344, '340 米'],
    [1, '1 公里'],
    [1.26, '1.3 公里'],
    [12.6, '13 公里'],
  ])('%d km -> %s', (km, expected) => {
    expect(formatDistance(km)).toBe(expected)
  })

  it('is null when unknown', () => {
    expect(formatDistance(null)).toBeNull()
    expect(formatDistance(undefined)).toBeNull()
    expect(formatDistance(-1)).toBeNull()
  })
})

describe('hourlyNote', () => {
  it('prefixes the API text with 约', () => {
    expect(hourlyNote('4500元/月', '26元/小时')).toBe('约 26元/小时')
    expect(hourlyNote('4500元/月', '约26元/小时')).toBe('约26元/小时')
    expect(hourlyNote('3800-5200元/月', '折合约23.5-32.1元/小时')).toBe('折合约23.5-32.1元/小时')
  })

  it('falls back to the hourly figures through the domain formatter', () => {
    expect(hourlyNote('0.8元/件', null, { min: 20, max: 24 })).toBe('约 20-24元/小时')
  })

  it('is null for hourly pay or without an estimate', () => {
    expect(hourlyNote('25元/小时', '25元/小时')).toBeNull()
    expect(hourlyNote('20-25元/小时', '20-25元/小时', { min: 20, max: 25 })).toBeNull()
    expect(hourlyNote('自主创收', null, null)).toBeNull()
    expect(hourlyNote('自主创收', '', { min: 0, max: 0 })).toBeNull()
    expect(hourlyNote('自主创收，预计每月3000元', '自主创收，不折算时薪', { min: null, max: null })).toBeNull()
  })
})

describe('dates and modes', () => {
  it('formats instants as China dates', () => {
    expect(formatDate('2026-03-04T17:30:00Z')).toBe('2026-03-05')
    expect(formatDate('2026-03-04')).toBe('2026-03-04')
    expect(formatDate(null)).toBe('')
    expect(todayInChina(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01')
  })

  it('shows a mode by its label', () => {
    expect(modeLabel({ code: 'take_home', label: '流动妈妈岗' })).toBe('流动妈妈岗')
  })
})
