/**
 * Her resume and its optimisation (DeepSeek when configured, else local rules).
 *   GET/PUT /api/resume/me · POST /api/resume/me/optimise
 *   POST /api/resume/me/suggestions/:id/accept | reject
 */
import type { Resume, ResumeContent, ResumeSuggestion } from '../types/api'
import { http, type RequestOptions } from './http'

export function getMyResume(options?: Pick<RequestOptions, 'silent'>): Promise<Resume> {
  return http.get<Resume>('/api/resume/me', undefined, options)
}

export function saveMyResume(content: Omit<ResumeContent, 'highlights'> & { highlights?: string[] }): Promise<Resume> {
  return http.put<Resume>('/api/resume/me', content)
}

export function optimiseMyResume(): Promise<ResumeSuggestion> {
  return http.post<ResumeSuggestion>('/api/resume/me/optimise', {})
}

export function acceptSuggestion(id: string): Promise<Resume> {
  return http.post<Resume>(`/api/resume/me/suggestions/${encodeURIComponent(id)}/accept`, {})
}

export function rejectSuggestion(id: string): Promise<ResumeSuggestion> {
  return http.post<ResumeSuggestion>(`/api/resume/me/suggestions/${encodeURIComponent(id)}/reject`, {})
}
