/**
 * Special recruitment fairs (专场招聘) and livestreamed job promotion (直播带岗).
 *   GET  /api/fairs?lat&lng&radiusKm&regionCode     GET /api/fairs/mine      GET /api/fairs/:id
 *   POST /api/fairs/:id/signups                     POST /api/fairs/:id/signups/cancel
 *   POST /api/posts/:id/applications { source: 'fair', fairId } | { source: 'livestream', livestreamId }
 *   organisers: POST /api/fairs, GET /api/fairs/managed, GET /api/fairs/candidates,
 *   GET /api/fairs/:id/signups, POST /api/fairs/:id/check-ins { code }, POST /api/fairs/:id/walk-ins { motherId },
 *   GET /api/fairs/:id/stats, POST /api/fairs/:id/cancel { reason }, POST /api/fairs/:id/livestreams
 *   GET  /api/livestreams/:id
 */
import type { Application, GeoPoint } from '../types/api'
import type {
  Fair,
  FairEmployer,
  FairInput,
  FairSignup,
  FairStats,
  FairSummary,
  Livestream,
  LivestreamInput,
  MyFairSignup,
} from '../types/fairs'
import { http, type RequestOptions } from './http'

type CallOptions = Pick<RequestOptions, 'silent'>

const fairPath = (id: string) => `/api/fairs/${encodeURIComponent(id)}`

/** Fairs not yet over near a point (used for this answer only) and/or of a region. */
export function listFairsNear(where: { point?: GeoPoint | null; regionCode?: string | null; radiusKm?: number }, options?: CallOptions): Promise<FairSummary[]> {
  return http.get<FairSummary[]>(
    '/api/fairs',
    { lat: where.point?.lat, lng: where.point?.lng, radiusKm: where.radiusKm, regionCode: where.regionCode ?? undefined },
    options,
  )
}

export function getFair(id: string, options?: CallOptions): Promise<Fair> {
  return http.get<Fair>(fairPath(id), undefined, options)
}

export function listMyFairSignups(): Promise<MyFairSignup[]> {
  return http.get<MyFairSignup[]>('/api/fairs/mine')
}

export function signUpForFair(id: string): Promise<MyFairSignup> {
  return http.post<MyFairSignup>(`${fairPath(id)}/signups`, {})
}

export function cancelFairSignup(id: string): Promise<MyFairSignup> {
  return http.post<MyFairSignup>(`${fairPath(id)}/signups/cancel`, {})
}

function idempotencyKey(postId: string): string {
  return `${postId}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** Applies to a post shown at a fair or beside a livestream: the application counts for it. */
export function applyFrom(postId: string, origin: { fairId: string } | { livestreamId: string }): Promise<Application> {
  const body = 'fairId' in origin ? { source: 'fair', fairId: origin.fairId } : { source: 'livestream', livestreamId: origin.livestreamId }
  return http.post<Application>(`/api/posts/${encodeURIComponent(postId)}/applications`, body, {
    headers: { 'Idempotency-Key': idempotencyKey(postId) },
  })
}

export function getLivestream(id: string, options?: CallOptions): Promise<Livestream> {
  return http.get<Livestream>(`/api/livestreams/${encodeURIComponent(id)}`, undefined, options)
}

// ------------------------------------------------------------------------------- organisers

export function createFair(input: FairInput): Promise<Fair> {
  return http.post<Fair>('/api/fairs', input)
}

export function listManagedFairs(): Promise<FairSummary[]> {
  return http.get<FairSummary[]>('/api/fairs/managed')
}

export function listCandidateEmployers(regionCode?: string): Promise<FairEmployer[]> {
  return http.get<FairEmployer[]>('/api/fairs/candidates', { regionCode })
}

export function listFairSignups(id: string): Promise<FairSignup[]> {
  return http.get<FairSignup[]>(`${fairPath(id)}/signups`)
}

/** The API's refusal (another fair's code, used code …) is shown by the page itself. */
export function checkInByCode(id: string, code: string): Promise<FairSignup> {
  return http.post<FairSignup>(`${fairPath(id)}/check-ins`, { code }, { silent: true })
}

export function checkInWalkIn(id: string, motherId: string): Promise<{ created: boolean; signup: FairSignup }> {
  return http.post<{ created: boolean; signup: FairSignup }>(`${fairPath(id)}/walk-ins`, { motherId })
}

export function getFairStats(id: string): Promise<FairStats> {
  return http.get<FairStats>(`${fairPath(id)}/stats`)
}

export function cancelFair(id: string, reason: string): Promise<Fair> {
  return http.post<Fair>(`${fairPath(id)}/cancel`, { reason })
}

export function addFairLivestream(id: string, input: LivestreamInput): Promise<Livestream> {
  return http.post<Livestream>(`${fairPath(id)}/livestreams`, input)
}

/** `000012-00007-4839203` → groups to read out or show in large digits. */
export function codeGroups(code: string): string[] {
  return code.split('-').filter((g) => g.length > 0)
}
