/**
 * Post endpoints. Pages call these functions, never http.ts paths directly.
 * Assumed API routes (to confirm with apps/api):
 *   GET  /api/posts/recommended?lat&lng&stage&hours&place&limit -> Paged<PostSummary>
 *   GET  /api/posts?q&<filter>&lat&lng&page                     -> Paged<PostSummary>
 *   GET  /api/posts/:id                                         -> PostDetail
 *   POST /api/posts/:id/applications                            -> { id }
 */
import { filterToQuery, type PostFilter } from '../components/FilterBar/filter'
import type { PostSummary } from '../types/post'
import { http, type RequestOptions } from './http'
import type { MotherPrefs } from './prefs'

export interface Paged<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface GeoPoint {
  lat: number
  lng: number
}

export interface PostDetail extends PostSummary {
  description: string
  address?: string | null
  contractLabel?: string | null
  insuranceLabel?: string | null
  /** Family-friendly terms: 可随时请假, 母婴室, 妈妈班车 ... */
  benefits: string[]
}

type CallOptions = Pick<RequestOptions, 'silent'>

export function listRecommended(
  args: { prefs?: MotherPrefs | null; location?: GeoPoint | null; limit?: number } = {},
  options?: CallOptions,
): Promise<Paged<PostSummary>> {
  const { prefs, location, limit = 20 } = args
  return http.get<Paged<PostSummary>>(
    '/api/posts/recommended',
    {
      lat: location?.lat,
      lng: location?.lng,
      stage: prefs?.stage,
      hours: prefs?.hours,
      place: prefs?.place,
      limit,
    },
    options,
  )
}

export function searchPosts(
  args: { keyword?: string; filter: PostFilter; location?: GeoPoint | null; page?: number },
  options?: CallOptions,
): Promise<Paged<PostSummary>> {
  const { keyword, filter, location, page = 1 } = args
  return http.get<Paged<PostSummary>>(
    '/api/posts',
    { q: keyword?.trim() || undefined, ...filterToQuery(filter), lat: location?.lat, lng: location?.lng, page },
    options,
  )
}

export function getPost(id: string, options?: CallOptions): Promise<PostDetail> {
  return http.get<PostDetail>(`/api/posts/${encodeURIComponent(id)}`, undefined, options)
}

export function applyToPost(id: string): Promise<{ id: string }> {
  return http.post<{ id: string }>(`/api/posts/${encodeURIComponent(id)}/applications`, {})
}
