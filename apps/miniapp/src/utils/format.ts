import { formatHourly } from '@mamagang/domain'
import type { HourlyRange, ModeValue } from '../types/api'

/** 800 米, 1.2 公里, 15 公里; null when unknown. */
export function formatDistance(km: number | null | undefined): string | null {
  if (km == null || !Number.isFinite(km) || km < 0) return null
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} 米`
  if (km < 10) return `${km.toFixed(1).replace(/\.0$/, '')} 公里`
  return `${Math.round(km)} 公里`
}

/**
 * The hourly equivalent shown next to the pay: "折合约26元/小时". Null when the pay already is
 * hourly (the same figure twice helps nobody), for own income, or without an estimate.
 */
export function hourlyNote(payText: string, hourlyText: string | null | undefined, hourly?: HourlyRange | null): string | null {
  const fallback = hourly && hourly.min !== null && hourly.max !== null && hourly.max > 0 ? formatHourly(hourly.min, hourly.max) : ''
  const text = hourlyText?.trim() || fallback
  if (!text || text.startsWith('自主创收')) return null
  if (payText.replace(/\s/g, '') === text.replace(/\s/g, '') || /元\/小时$/.test(payText.trim())) return null
  return text.startsWith('约') || text.startsWith('折合') ? text : `约 ${text}`
}

export function modeLabel(mode: ModeValue): string {
  return mode.label
}

/** '2026-03-05T08:00:00Z' -> '2026-03-05' (China time). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const china = new Date(date.getTime() + 8 * 3600 * 1000)
  return china.toISOString().slice(0, 10)
}

/** Today in China as 'YYYY-MM-DD'. */
export function todayInChina(now: Date = new Date()): string {
  return formatDate(now.toISOString())
}
