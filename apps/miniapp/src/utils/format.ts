import type { Pay, PayUnit } from '../types/post'

export const PAY_UNIT_LABEL: Record<PayUnit, string> = {
  hour: '元/小时',
  day: '元/天',
  month: '元/月',
  piece: '元/件',
  project: '元/项目',
}

function formatYuan(value: number): string {
  // Whole yuan when whole, otherwise at most one decimal.
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '')
}

/** 4500 元/月, 4000-5000 元/月, 25 元/小时 */
export function formatPay(pay: Pay): string {
  const range =
    pay.maxAmount != null && pay.maxAmount > pay.amount
      ? `${formatYuan(pay.amount)}-${formatYuan(pay.maxAmount)}`
      : formatYuan(pay.amount)
  return `${range} ${PAY_UNIT_LABEL[pay.unit]}`
}

/** 约 26 元/小时; null when the pay is already hourly or no estimate exists. */
export function formatHourlyEquivalent(pay: Pay): string | null {
  if (pay.unit === 'hour') return null
  const hourly = pay.hourlyEquivalent
  if (hourly == null || !Number.isFinite(hourly) || hourly <= 0) return null
  return `约 ${Math.round(hourly)} 元/小时`
}

/** 800 米, 1.2 公里, 15 公里; null when unknown. */
export function formatDistance(km: number | null | undefined): string | null {
  if (km == null || !Number.isFinite(km) || km < 0) return null
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} 米`
  if (km < 10) return `${km.toFixed(1).replace(/\.0$/, '')} 公里`
  return `${Math.round(km)} 公里`
}
