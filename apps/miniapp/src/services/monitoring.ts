/**
 * Officials' figures for their region.
 *   GET /api/official/monitoring?from&to&regionCode&groupBy=district|type|stage
 */
import type { Monitoring } from '../types/api'
import { http } from './http'

export function getMonitoring(query: { from?: string; to?: string; regionCode?: string; groupBy?: Monitoring['groupBy'] } = {}): Promise<Monitoring> {
  return http.get<Monitoring>('/api/official/monitoring', query, { silent: true })
}
