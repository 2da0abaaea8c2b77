/**
 * The employer directory: filing and review.
 *   POST /api/employers                         EmployerInput -> Employer (pending)
 *   GET  /api/employers/mine
 *   GET  /api/employers/:id
 *   GET  /api/official/employers?status&page
 *   POST /api/official/employers/:id/approve { serviceOfficer? } | reject { reason } | friendly { friendly }
 */
import type { Employer, EmployerDetailsInput, EmployerInput, EmployerStatus, Paged } from '../types/api'
import { http, type RequestOptions } from './http'

export const EMPLOYER_STATUS_LABELS: Record<EmployerStatus, string> = {
  pending: '审核中',
  approved: '已通过，已进入用人单位名录',
  rejected: '未通过',
}

export function fileEmployer(input: EmployerInput, options?: Pick<RequestOptions, 'silent'>): Promise<Employer> {
  return http.post<Employer>('/api/employers', input, options)
}

/** An approved employer's contact, place and facilities; no new review. */
export function updateEmployerDetails(id: string, input: EmployerDetailsInput): Promise<Employer> {
  return http.put<Employer>(`/api/employers/${encodeURIComponent(id)}/details`, input)
}

export function listMyEmployers(): Promise<Employer[]> {
  return http.get<Employer[]>('/api/employers/mine')
}

export function getEmployer(id: string): Promise<Employer> {
  return http.get<Employer>(`/api/employers/${encodeURIComponent(id)}`)
}

/** Tolerates a bare array as well as `{ items }`: the list is small either way. */
function itemsOf<T>(answer: Paged<T> | T[]): T[] {
  return Array.isArray(answer) ? answer : answer.items
}

export async function listFilings(status: EmployerStatus = 'pending', page = 1): Promise<Employer[]> {
  return itemsOf(await http.get<Paged<Employer> | Employer[]>('/api/official/employers', { status, page }))
}

export function approveFiling(id: string, serviceOfficer?: string): Promise<Employer> {
  return http.post<Employer>(`/api/official/employers/${encodeURIComponent(id)}/approve`, serviceOfficer ? { serviceOfficer } : {})
}

export function rejectFiling(id: string, reason: string): Promise<Employer> {
  return http.post<Employer>(`/api/official/employers/${encodeURIComponent(id)}/reject`, { reason })
}

export function setFriendly(id: string, friendly: boolean): Promise<Employer> {
  return http.post<Employer>(`/api/official/employers/${encodeURIComponent(id)}/friendly`, { friendly })
}
