/**
 * Which employer or station a staff member is acting for, when she belongs to several.
 * Remembered on the device; the API still checks every call.
 */
import Taro from '@tarojs/taro'
import type { Employer } from '../types/api'
import { currentMe, grantsOf } from './auth'
import { listMyEmployers } from './employers'

const EMPLOYER_KEY = 'mamagang.employerId'

export function chooseEmployer(id: string): void {
  Taro.setStorageSync(EMPLOYER_KEY, id)
}

/** Her employers (own filings, with status) and the one she is acting for. */
export async function loadMyEmployers(): Promise<{ employers: Employer[]; current: Employer | null }> {
  const employers = await listMyEmployers()
  const saved: unknown = Taro.getStorageSync(EMPLOYER_KEY)
  const current =
    employers.find((e) => e.id === saved) ?? employers.find((e) => e.status === 'approved') ?? employers[0] ?? null
  return { employers, current }
}

/** The station she works at (first grant), and its region. */
export function myStation(): { stationId: string; regionCode: string | null } | null {
  const grant = grantsOf(currentMe(), 'station_worker')[0]
  return grant?.stationId ? { stationId: grant.stationId, regionCode: grant.regionCode } : null
}

export function myOfficialRegion(): string | null {
  return grantsOf(currentMe(), 'official')[0]?.regionCode ?? null
}
