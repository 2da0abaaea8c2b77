/**
 * Posts, search and recommendations. Pages call these functions, never http.ts paths.
 *   GET  /api/posts/search?lat&lng|from&radiusKm&type&stage&minHourly&fitsMyHours&remote&takeHome&sort&page
 *   GET  /api/posts/recommended?page                  (a mother with a profile)
 *   GET  /api/posts/:id
 *   GET  /api/posts/defaults?type=
 *   POST /api/employers/:employerId/posts
 *   GET  /api/employers/:employerId/posts
 *   POST /api/official/posts/:id/take-down { reason }
 */
import type { PostTypeCode } from '@mamagang/domain'
import { filterToQuery, type PostFilter } from '../components/FilterBar/filter'
import type { GeoPoint, Post, PostInput, SearchPage } from '../types/api'
import { http, type RequestOptions } from './http'

/** Results come 20 a page (the API's page size). */
export const PAGE_SIZE = 20

type CallOptions = Pick<RequestOptions, 'silent'>

/** Where distances are measured from: her device position, or her saved home/school. */
export type SearchOrigin = { point: GeoPoint } | { from: 'home' | 'school' } | null

export function searchPosts(
  args: { filter: PostFilter; origin?: SearchOrigin; page?: number; keyword?: string },
  options?: CallOptions,
): Promise<SearchPage> {
  const { filter, origin, page = 1, keyword } = args
  const where = origin && 'point' in origin ? { lat: origin.point.lat, lng: origin.point.lng } : origin ? { from: origin.from } : {}
  return http.get<SearchPage>('/api/posts/search', { ...filterToQuery(filter), ...where, q: keyword?.trim() || undefined, page }, options)
}

export function listRecommended(page = 1, options?: CallOptions): Promise<SearchPage> {
  return http.get<SearchPage>('/api/posts/recommended', { page }, options)
}

export function getPost(id: string, options?: CallOptions): Promise<Post> {
  return http.get<Post>(`/api/posts/${encodeURIComponent(id)}`, undefined, options)
}

export interface PostTypeDefaults {
  payBasis?: string
  insurance?: string
  contractForm?: string
  modes?: string[]
  timeRule?: string
  [key: string]: unknown
}

export function getPostDefaults(type: PostTypeCode, options?: CallOptions): Promise<PostTypeDefaults> {
  return http.get<PostTypeDefaults>('/api/posts/defaults', { type }, options)
}

export function createPost(employerId: string, input: PostInput, options?: CallOptions): Promise<Post> {
  return http.post<Post>(`/api/employers/${encodeURIComponent(employerId)}/posts`, input, options)
}

export function listEmployerPosts(employerId: string): Promise<Post[]> {
  return http.get<Post[]>(`/api/employers/${encodeURIComponent(employerId)}/posts`)
}

export function takeDownPost(id: string, reason: string): Promise<Post> {
  return http.post<Post>(`/api/official/posts/${encodeURIComponent(id)}/take-down`, { reason })
}
