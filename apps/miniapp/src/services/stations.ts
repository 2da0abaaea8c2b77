/**
 * Stations and the 12333 follow-up.
 *   GET  /api/stations?regionCode=
 *   POST /api/stations/:id/registrations        RegistrationInput -> { mother, created }
 *   GET  /api/stations/:id/mothers?q&page
 *   GET  /api/survey                            POST /api/mothers/:id/survey { version, answers }
 *   GET  /api/mothers/:id/plan                  POST /api/mothers/:id/services
 *   GET  /api/mothers/:id/recommendations       GET  /api/mothers/:id/courses (for a training notice)
 *   GET  /api/worklist?scope&status
 *   GET  /api/stations/:id/completion
 */
import type {
  ConsentNotice,
  NoticeCourse,
  Plan,
  Recommendation,
  RegistrationAnswer,
  RegistrationInput,
  ServiceInput,
  Station,
  StationMother,
  Survey,
  Worklist,
} from '../types/api'
import { http, type RequestOptions } from './http'

type CallOptions = Pick<RequestOptions, 'silent'>

export function listStations(regionCode?: string, options?: CallOptions): Promise<Station[]> {
  return http.get<Station[]>('/api/stations', { regionCode }, options)
}

export function registerMother(stationId: string, input: RegistrationInput): Promise<RegistrationAnswer> {
  return http.post<RegistrationAnswer>(`/api/stations/${encodeURIComponent(stationId)}/registrations`, input)
}

export function listStationMothers(stationId: string, q?: string, page = 1): Promise<StationMother[]> {
  return http.get<StationMother[]>(`/api/stations/${encodeURIComponent(stationId)}/mothers`, { q: q?.trim() || undefined, page })
}

export function getSurvey(): Promise<Survey> {
  return http.get<Survey>('/api/survey')
}

export function submitSurvey(motherId: string, version: string, answers: Record<string, unknown>): Promise<unknown> {
  return http.post(`/api/mothers/${encodeURIComponent(motherId)}/survey`, { version, answers })
}

export function getMotherPlan(motherId: string, options?: CallOptions): Promise<Plan> {
  return http.get<Plan>(`/api/mothers/${encodeURIComponent(motherId)}/plan`, undefined, options)
}

export function recordService(motherId: string, input: ServiceInput): Promise<unknown> {
  return http.post(`/api/mothers/${encodeURIComponent(motherId)}/services`, input)
}

/** Open courses of her city (and online ones) a training notice can name. */
export function getNoticeCourses(motherId: string): Promise<NoticeCourse[]> {
  return http.get<NoticeCourse[]>(`/api/mothers/${encodeURIComponent(motherId)}/courses`)
}

export function getRecommendations(motherId: string): Promise<Recommendation[]> {
  return http.get<Recommendation[]>(`/api/mothers/${encodeURIComponent(motherId)}/recommendations`)
}

/** The notice she reads before consenting to the processing of her sensitive data. */
export function getConsentNotice(options?: CallOptions): Promise<ConsentNotice> {
  return http.get<ConsentNotice>('/api/stations/consent-notice', undefined, options)
}

export function markHiredElsewhere(motherId: string, hiredOn: string, employerName: string): Promise<unknown> {
  return http.post(`/api/mothers/${encodeURIComponent(motherId)}/hired-elsewhere`, { hiredOn, employerName })
}

export type WorklistScope = 'me' | 'station' | 'region'
export type WorklistStatus = 'due' | 'overdue' | 'done'

export function getWorklist(scope: WorklistScope, status: WorklistStatus, page = 1): Promise<Worklist> {
  return http.get<Worklist>('/api/worklist', { scope, status, page })
}

export function getStationCompletion(stationId: string): Promise<unknown> {
  return http.get(`/api/stations/${encodeURIComponent(stationId)}/completion`)
}
