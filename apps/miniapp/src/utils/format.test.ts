import { formatDistance, formatHourlyEquivalent, formatPay } from './format'

describe('formatPay', () => {
  it.each([
    [{ amount: 4500, unit: 'month' as const }, '4500 元/月'],
    [{ amount: 3000, maxAmount: 4000, unit: 'month' as const }, '3000-4000 元/月'],
    [{ amount: 22.5, unit: 'hour' as const }, '22.5 元/小时'],
    [{ amount: 0.8, unit: 'piece' as const }, '0.8 元/件'],
    [{ amount: 150, maxAmount: 150, unit: 'day' as const }, '150 元/天'],
    [{ amount: 2000, unit: 'project' as const }, '2000 元/项目'],
  ])('%j -> %s', (pay, expected) => {
    expect(formatPay(pay)).toBe(expected)
  })
})

describe('formatHourlyEquivalent', () => {
  it('rounds the estimate to whole yuan', () => {
    expect(formatHourlyEquivalent({ amount: 4500, unit: 'month', hourlyEquivalent: 25.6 })).toBe('约 26 元/小时')
  })

  it('is null for hourly pay, a missing estimate or a nonsense estimate', () => {
    expect(formatHourlyEquivalent({ amount: 22, unit: 'hour', hourlyEquivalent: 22 })).toBeNull()
    expect(formatHourlyEquivalent({ amount: 1, unit: 'piece' })).toBeNull()
    expect(formatHourlyEquivalent({ amount: 1, unit: 'piece', hourlyEquivalent: 0 })).toBeNull()
    expect(formatHourlyEquivalent({ amount: 1, unit: 'piece', hourlyEquivalent: Number.NaN })).toBeNull()
  })
})

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
