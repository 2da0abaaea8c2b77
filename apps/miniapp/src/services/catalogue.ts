/**
 * Regions (for pickers and as default map centres). The post catalogue itself is compiled in
 * from @mamagang/domain: the same data the API checks posts against.
 *   GET /api/regions?parent=371000 -> [{ code, name, level, parentCode, center }]
 */
import type { GeoPoint, Region } from '../types/api'
import { http } from './http'

/** The demo and pilot city: 威海市. */
export const DEFAULT_CITY = '371000'

const cache = new Map<string, Promise<Region[]>>()

export function listRegions(parent: string = DEFAULT_CITY): Promise<Region[]> {
  let hit = cache.get(parent)
  if (!hit) {
    hit = http.get<Region[]>('/api/regions', { parent }, { silent: true })
    // A failed answer is not kept: the next call asks again.
    hit.catch(() => cache.delete(parent))
    cache.set(parent, hit)
  }
  return hit
}

export function regionName(regions: readonly Region[], code: string | null | undefined): string {
  if (!code) return ''
  return regions.find((r) => r.code === code)?.name ?? code
}

/** The code one level up: a district's city, a city's province. */
export function parentRegion(code: string): string {
  return code.endsWith('00') ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`
}

/** A region's centre (from its parent's list), for searching when there is no better point. */
export async function regionCenter(code: string = DEFAULT_CITY): Promise<GeoPoint | null> {
  const siblings = await listRegions(parentRegion(code))
  return siblings.find((r) => r.code === code)?.center ?? null
}
