import { checkFairSchedule } from '@mamagang/domain'
import type { FairMode } from '../../../types/fairs'
import { todayInChina } from '../../../utils/format'

export interface FairFormValues {
  title: string
  mode: FairMode
  date: string
  startTime: string
  endTime: string
  seats: string
  childFriendly: string
  onlineUrl: string
  description: string
}

/**
 * The checks the API makes, run before sending so the form can say what to fix next to each
 * field (the schedule rule is the domain's own `checkFairSchedule`). Keys: field names.
 */
export function checkFairForm(v: FairFormValues, place: { address: string; hasPoint: boolean }, today: string = todayInChina()): Record<string, string> {
  const errors: Record<string, string> = {}
  const title = v.title.trim()
  if (title.length < 2 || title.length > 60) errors.title = '招聘会名称为2-60个字'
  for (const p of checkFairSchedule({ date: v.date.trim(), startTime: v.startTime.trim(), endTime: v.endTime.trim(), today })) {
    if (p.field === 'date') errors.date ??= p.message
    else errors.time ??= p.message
  }
  const seats = Number(v.seats)
  if (!Number.isInteger(seats) || seats < 1 || seats > 20000) errors.seats = '名额为1-20000的整数'
  if (v.mode === 'onsite') {
    if (place.address.trim().length < 2) errors.place = '请填写举办地址'
    else if (!place.hasPoint) errors.place = '请选择举办地点所在区县'
  } else if (v.onlineUrl.trim() && !/^https:\/\/\S+$/.test(v.onlineUrl.trim())) {
    errors.onlineUrl = '线上地址应为 https:// 开头的链接'
  }
  return errors
}
