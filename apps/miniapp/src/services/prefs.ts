/**
 * The mother's first-run answers, kept on the device. They preset the search filter
 * and are sent with recommendation requests; nothing here goes over the network.
 */
import Taro from '@tarojs/taro'
import { DEFAULT_FILTER, type PostFilter } from '../components/FilterBar/filter'
import type { Option } from '../constants/options'
import type { ChildcareStage } from '../types/post'

export type HoursChoice = 'school_hours' | 'evenings' | 'weekends' | 'any'
export type PlaceChoice = 'on_site' | 'take_home' | 'remote' | 'any'

export interface MotherPrefs {
  stage: ChildcareStage
  hours: HoursChoice
  place: PlaceChoice
  /** ISO time the privacy notice was accepted. */
  privacyAcceptedAt: string
}

export const HOURS_OPTIONS: Option<HoursChoice>[] = [
  { value: 'school_hours', label: '送完孩子后 (约 9:00-15:00)' },
  { value: 'evenings', label: '晚上孩子睡后' },
  { value: 'weekends', label: '周末' },
  { value: 'any', label: '时间比较灵活' },
]

export const PLACE_OPTIONS: Option<PlaceChoice>[] = [
  { value: 'on_site', label: '到岗上班，离家近' },
  { value: 'take_home', label: '可带回家做' },
  { value: 'remote', label: '远程线上' },
  { value: 'any', label: '都可以' },
]

const PREFS_KEY = 'mamagang.prefs'

export function getPrefs(): MotherPrefs | null {
  const prefs: unknown = Taro.getStorageSync(PREFS_KEY)
  if (typeof prefs !== 'object' || prefs === null) return null
  return prefs as MotherPrefs
}

export function savePrefs(prefs: MotherPrefs): void {
  Taro.setStorageSync(PREFS_KEY, prefs)
}

export function needsOnboarding(): boolean {
  return getPrefs() === null
}

/** The search filter her answers suggest. */
export function filterFromPrefs(prefs: MotherPrefs | null): PostFilter {
  if (!prefs) return { ...DEFAULT_FILTER }
  return {
    ...DEFAULT_FILTER,
    stage: prefs.stage,
    fitsMyHours: prefs.hours !== 'any',
    takeHome: prefs.place === 'take_home',
    remote: prefs.place === 'remote',
  }
}
