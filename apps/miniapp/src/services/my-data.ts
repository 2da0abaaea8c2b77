/**
 * Her rights over her data (docs/PRIVACY.md):
 *   GET  /api/me/data     everything held about her, with who viewed it
 *   POST /api/me/delete   { confirm: '确认注销' }: closes her account
 */
import { http } from './http'

export interface AccessLogEntry {
  at: string
  viewerName: string
  viewerRole: string
  viewerRoleLabel: string
  action: string
  actionLabel: string
  route: string
}

export interface PersonalData {
  generatedAt: string
  account: { userId: string; displayName: string; phone: string | null; roles: string[]; createdAt: string }
  profile: Record<string, unknown> | null
  records: Record<string, unknown[]>
  accessLog: AccessLogEntry[]
  retainedOnDeletion: string[]
}

export interface AccountDeleted {
  deleted: true
  kept: string[]
  applicationsWithdrawn: number
}

/** What she types to confirm: the API refuses anything else. */
export const DELETE_CONFIRMATION = '确认注销'

export function getMyData(): Promise<PersonalData> {
  return http.get<PersonalData>('/api/me/data')
}

export function deleteMyAccount(confirm: string): Promise<AccountDeleted> {
  return http.post<AccountDeleted>('/api/me/delete', { confirm })
}
