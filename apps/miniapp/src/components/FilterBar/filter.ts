import type { ChildcareStage, PostTypeCode } from '@mamagang/domain'
import type { Option } from '../../constants/options'

export type PostSort = 'match' | 'distance' | 'pay'

/** What a mother can narrow a post search by. `null` means 不限 (no limit). */
export interface PostFilter {
  /** Only posts within this many kilometres (API `radiusKm`). */
  radiusKm: number | null
  /** Catalogue post type code. */
  type: PostTypeCode | null
  /** Childcare stage the post is designed for. */
  stage: ChildcareStage | null
  /** Minimum pay, compared on the hourly equivalent (元/小时). */
  minHourly: number | null
  /** Only posts whose hours fit the times she said she is free. */
  fitsMyHours: boolean
  /** Work she can take home (流动妈妈岗, 手工制作). */
  takeHome: boolean
  /** Remote / online work. */
  remote: boolean
  sort: PostSort
}

export const DEFAULT_FILTER: Readonly<PostFilter> = Object.freeze({
  radiusKm: null,
  type: null,
  stage: null,
  minHourly: null,
  fitsMyHours: false,
  takeHome: false,
  remote: false,
  sort: 'match',
})

export const SORT_OPTIONS: Option<PostSort>[] = [
  { value: 'match', label: '最匹配' },
  { value: 'distance', label: '离我最近' },
  { value: 'pay', label: '时薪最高' },
]

export function isDefaultFilter(filter: PostFilter): boolean {
  return (Object.keys(DEFAULT_FILTER) as (keyof PostFilter)[]).every((key) => filter[key] === DEFAULT_FILTER[key])
}

/** Query parameters of GET /api/posts/search (不限 and false are left out). */
export function filterToQuery(filter: PostFilter): Record<string, string | number | boolean> {
  const query: Record<string, string | number | boolean> = { sort: filter.sort }
  if (filter.radiusKm !== null) query.radiusKm = filter.radiusKm
  if (filter.type !== null) query.type = filter.type
  if (filter.stage !== null) query.stage = filter.stage
  if (filter.minHourly !== null) query.minHourly = filter.minHourly
  if (filter.fitsMyHours) query.fitsMyHours = true
  if (filter.takeHome) query.takeHome = true
  if (filter.remote) query.remote = true
  return query
}
