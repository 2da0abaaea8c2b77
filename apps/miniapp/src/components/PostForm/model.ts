/**
 * The post form's state and its checks, apart from the view so they can be read (and tested)
 * on their own. Every rule here is the domain's: defaults per type, the catalogue check, the
 * hourly equivalent and the minimum wage, so the form refuses what the API would refuse.
 */
import {
  addMonths,
  checkPostAgainstType,
  checkPostPay,
  defaultsForType,
  formatHourly,
  hourlyEquivalent,
  hoursPerWeek as windowHours,
  MINIMUM_WAGES,
  minimumWageOn,
  POST_TYPES,
  type ContractForm,
  type EmployerKind,
  type InsuranceKind,
  type PayBasis,
  type PostTypeCode,
  type WorkingMode,
} from '@mamagang/domain'
import type { GeoPoint, PostInput } from '../../types/api'
import { readWindows } from '../WindowsField'

export interface PostFormState {
  type: PostTypeCode | null
  title: string
  description: string
  headcount: number
  payBasis: PayBasis
  payMin: string
  payMax: string
  unitsPerHour: string
  hoursPerTask: string
  flexible: boolean
  windowsText: string
  /** Hours a week for a flexible post (no windows to count). */
  weeklyHours: string
  remote: boolean
  takeHome: boolean
  address: string
  insurance: InsuranceKind
  contractForm: ContractForm
  modes: WorkingMode[]
  motherBabyRoom: boolean
  shuttleBus: boolean
  childMayCome: boolean
  validMonths: number
}

/** Types whose work is done online by default (the employer can still change it). */
const REMOTE_BY_DEFAULT: readonly PostTypeCode[] = ['stage_full_companion', 'remote_online', 'project_based']

/** School hours: what most posts for mothers of school children look like. */
export const DEFAULT_WINDOWS_TEXT = '周一至周五 9:00-15:00'

export const HOURS_PRESETS = [
  { label: '上学时间（工作日 9:00-15:00）', text: '周一至周五 9:00-15:00' },
  { label: '上午（工作日 8:30-11:30）', text: '周一至周五 8:30-11:30' },
  { label: '午间（工作日 10:30-13:30）', text: '周一至周五 10:30-13:30' },
  { label: '周末（9:00-17:00）', text: '周六至周日 9:00-17:00' },
]

export function initialState(facilities: { motherBabyRoom?: boolean; shuttleBus?: boolean } = {}, address = ''): PostFormState {
  return {
    type: null,
    title: '',
    description: '',
    headcount: 1,
    payBasis: 'monthly',
    payMin: '',
    payMax: '',
    unitsPerHour: '',
    hoursPerTask: '',
    flexible: false,
    windowsText: DEFAULT_WINDOWS_TEXT,
    weeklyHours: '',
    remote: false,
    takeHome: false,
    address,
    insurance: 'social',
    contractForm: 'labour_contract',
    modes: [],
    motherBabyRoom: Boolean(facilities.motherBabyRoom),
    shuttleBus: Boolean(facilities.shuttleBus),
    childMayCome: false,
    validMonths: 3,
  }
}

/**
 * Choosing a type fills in what the catalogue fixes for it. A title or description the
 * employer wrote herself is kept; one the previous type filled in is replaced.
 */
export function applyType(state: PostFormState, type: PostTypeCode): PostFormState {
  const d = defaultsForType(type)
  const def = POST_TYPES[type]
  const previous = state.type ? POST_TYPES[state.type] : null
  const titleWasDefault = !state.title.trim() || (previous !== null && state.title === previous.examples[0])
  const descriptionWasDefault = !state.description.trim() || (previous !== null && state.description === previous.timePlaceText)
  return {
    ...state,
    type,
    title: titleWasDefault ? def.examples[0] : state.title,
    description: descriptionWasDefault ? def.timePlaceText : state.description,
    payBasis: d.payBasis,
    insurance: d.insurance,
    contractForm: d.contractForm,
    modes: [...d.modes],
    flexible: d.timeRule === 'flexible',
    takeHome: d.modes.includes('take_home'),
    remote: REMOTE_BY_DEFAULT.includes(type),
    unitsPerHour: '',
    hoursPerTask: '',
  }
}

function num(text: string): number | undefined {
  const trimmed = text.trim()
  if (!trimmed) return undefined
  const n = Number(trimmed)
  return Number.isFinite(n) ? n : Number.NaN
}

export interface PostCheck {
  /** Field -> message, for the fields that need fixing. */
  errors: Partial<Record<string, string>>
  /** '约 25-30元/小时' or null when it cannot be worked out yet. */
  hourlyText: string | null
  weeklyHours: number | null
}

export interface CheckOptions {
  employerKind?: EmployerKind
  regionCode: string
  today: string
  /** The employer has a position on file (a workplace for posts that are neither remote nor take-home). */
  hasLocation?: boolean
}

/** The same checks, in the same order, as the API's PostsService.create. */
export function checkPost(state: PostFormState, opts: CheckOptions): PostCheck {
  const errors: Partial<Record<string, string>> = {}
  if (!state.type) {
    errors.type = '请先选择岗位类型'
    return { errors, hourlyText: null, weeklyHours: null }
  }
  if (!state.title.trim()) errors.title = '请填写岗位名称'
  else if (state.title.trim().length > 40) errors.title = '岗位名称不超过40个字'
  if (!Number.isInteger(state.headcount) || state.headcount < 1 || state.headcount > 500) errors.headcount = '招聘人数应为1-500的整数'

  const payMin = num(state.payMin)
  const payMax = num(state.payMax) ?? payMin
  if (payMin === undefined) errors.pay = '请填写报酬金额'
  else if (!(payMin > 0) || payMax === undefined || !(payMax > 0)) errors.pay = '报酬金额应为大于0的数字'
  else if (payMax < payMin) errors.pay = '最高报酬不能低于最低报酬'

  let weeklyHours: number | null = null
  let workDays: number | undefined
  if (state.flexible) {
    const h = num(state.weeklyHours)
    if (h === undefined || !(h >= 0.5) || h > 84) errors.schedule = '时间灵活的岗位请填写每周大约工作几小时（0.5-84）'
    else weeklyHours = h
  } else {
    const read = readWindows(state.windowsText)
    if (!read.ok) errors.schedule = read.message
    else {
      weeklyHours = windowHours(read.windows)
      workDays = new Set(read.windows.map((w) => w.day)).size
      if (weeklyHours > 84) errors.schedule = '每周工作时间不超过84小时'
    }
  }
  if (!state.remote && !state.takeHome && !opts.hasLocation) errors.place = '请先在单位备案中填写位置，或选择远程、可带回家做'

  const units = num(state.unitsPerHour)
  const taskHours = num(state.hoursPerTask)
  if (state.payBasis === 'per_piece' && !(units !== undefined && units > 0)) errors.unitsPerHour = '按件计酬请填写每小时大约能完成几件'
  if (state.payBasis === 'per_task' && !(taskHours !== undefined && taskHours > 0)) errors.hoursPerTask = '按任务量计酬请填写完成一单大约需要几小时'

  const minimumWage = minimumWageOn(MINIMUM_WAGES, opts.regionCode, opts.today)
  const violations = checkPostAgainstType(
    state.type,
    opts.employerKind ?? POST_TYPES[state.type].employerKinds[0],
    {
      payBasis: state.payBasis,
      payMin: payMin !== undefined && Number.isFinite(payMin) ? payMin : undefined,
      payMax: payMax !== undefined && Number.isFinite(payMax) ? payMax : undefined,
      insurance: state.insurance,
      contractForm: state.contractForm,
      timeRule: state.flexible ? 'flexible' : 'fixed',
      modes: state.modes,
    },
    { minimumWage: minimumWage && { monthly: minimumWage.monthly, hourly: minimumWage.hourly } },
  )
  for (const v of violations) {
    const field = v.field === 'payMin' || v.field === 'payMax' || v.field === 'payBasis' ? 'pay' : v.field === 'timeRule' ? 'schedule' : v.field
    if (!errors[field]) errors[field] = v.message
  }

  let hourlyText: string | null = null
  if (!errors.pay && payMin !== undefined && payMax !== undefined && state.payBasis !== 'own_income') {
    const hourly = hourlyEquivalent({
      basis: state.payBasis,
      amount: { min: payMin, max: payMax },
      hoursPerWeek: weeklyHours ?? undefined,
      unitsPerHour: units,
      hoursPerTask: taskHours,
      daysPerWeek: workDays,
    })
    if (hourly.ok) {
      hourlyText = `约 ${formatHourly(hourly.min, hourly.max)}`
      const low =
        minimumWage && weeklyHours !== null
          ? checkPostPay({ basis: state.payBasis, payMin, hourlyMin: hourly.min, hoursPerWeek: weeklyHours }, minimumWage)
          : null
      if (low && !errors.pay) errors.pay = low.message
    }
  }
  return { errors, hourlyText, weeklyHours }
}

export function toPostInput(state: PostFormState, opts: { today: string; location?: GeoPoint | null; weeklyHours: number | null }): PostInput {
  if (!state.type) throw new Error('type is required')
  const payMin = Number(state.payMin)
  const payMax = state.payMax.trim() ? Number(state.payMax) : payMin
  const read = state.flexible ? null : readWindows(state.windowsText)
  const input: PostInput = {
    type: state.type,
    title: state.title.trim(),
    description: state.description.trim(),
    headcount: state.headcount,
    pay: { basis: state.payBasis, min: payMin, max: payMax },
    schedule: {
      flexible: state.flexible,
      windows: read && read.ok ? read.windows : [],
      ...(state.flexible && opts.weeklyHours !== null ? { hoursPerWeek: opts.weeklyHours } : {}),
    },
    modes: state.modes,
    place: { remote: state.remote, takeHome: state.takeHome },
    insurance: state.insurance,
    contractForm: state.contractForm,
    skills: [],
    facilities: { motherBabyRoom: state.motherBabyRoom, shuttleBus: state.shuttleBus, childMayCome: state.childMayCome },
    validUntil: addMonths(opts.today, state.validMonths),
  }
  if (state.payBasis === 'per_piece') input.pay.unitsPerHour = Number(state.unitsPerHour)
  if (state.payBasis === 'per_task') input.pay.hoursPerTask = Number(state.hoursPerTask)
  if (!state.remote && opts.location) input.place.location = opts.location
  if (!state.remote && state.address.trim()) input.place.address = state.address.trim()
  return input
}
