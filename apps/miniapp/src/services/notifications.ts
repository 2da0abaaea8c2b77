/** GET /api/notifications -> [{ id, kind, title, body, payload, createdAt }] */
import type { Notification } from '../types/api'
import { http } from './http'

export function listNotifications(): Promise<Notification[]> {
  return http.get<Notification[]>('/api/notifications', undefined, { silent: true })
}
