/**
 * Applications and hires.
 *   POST /api/posts/:id/applications               (mother; Idempotency-Key)
 *   GET  /api/applications/mine
 *   POST /api/applications/:id/withdraw
 *   GET  /api/employers/:employerId/applications?postId&status
 *   POST /api/applications/:id/accept | reject { reason } | hire { startDate, contractForm, contractMonths, socialInsurance }
 */
import type { Application, ApplicationSource, ApplicationStatus, EmployerApplication, Hire, HireInput } from '../types/api'
import { http } from './http'

/** The domain's labels (已投递, 已通过 ...), for answers that carry no statusLabel. */
export { APPLICATION_STATUS_LABELS } from '@mamagang/domain'

function idempotencyKey(postId: string): string {
  return `${postId}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

export function applyToPost(postId: string, source: ApplicationSource = 'search'): Promise<Application> {
  return http.post<Application>(
    `/api/posts/${encodeURIComponent(postId)}/applications`,
    { source },
    { headers: { 'Idempotency-Key': idempotencyKey(postId) } },
  )
}

export function listMyApplications(): Promise<Application[]> {
  return http.get<Application[]>('/api/applications/mine')
}

export function withdrawApplication(id: string): Promise<Application> {
  return http.post<Application>(`/api/applications/${encodeURIComponent(id)}/withdraw`, {})
}

export function listApplicants(employerId: string, filter: { postId?: string; status?: ApplicationStatus } = {}): Promise<EmployerApplication[]> {
  return http.get<EmployerApplication[]>(`/api/employers/${encodeURIComponent(employerId)}/applications`, {
    postId: filter.postId,
    status: filter.status,
  })
}

export function acceptApplication(id: string): Promise<EmployerApplication> {
  return http.post<EmployerApplication>(`/api/applications/${encodeURIComponent(id)}/accept`, {})
}

export function rejectApplication(id: string, reason: string): Promise<EmployerApplication> {
  return http.post<EmployerApplication>(`/api/applications/${encodeURIComponent(id)}/reject`, { reason })
}

export function reportHire(id: string, input: HireInput): Promise<Hire> {
  return http.post<Hire>(`/api/applications/${encodeURIComponent(id)}/hire`, input)
}
