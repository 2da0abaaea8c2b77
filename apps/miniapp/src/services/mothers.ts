/**
 * Her own profile and 12333 plan.
 *   PUT /api/mothers/me   MotherProfileInput -> MotherProfile (grants the mother role)
 *   GET /api/mothers/me
 *   GET /api/mothers/me/plan
 */
import type { MotherProfile, MotherProfileInput, Plan } from '../types/api'
import { CONSENT_NOTICE_VERSION } from '../constants/notices'
import { http, type RequestOptions } from './http'

export function getMyProfile(options?: Pick<RequestOptions, 'silent'>): Promise<MotherProfile> {
  return http.get<MotherProfile>('/api/mothers/me', undefined, options)
}

/** Saving records her consent to the notice she accepted at first run (the API requires it once per notice). */
export function saveMyProfile(input: MotherProfileInput): Promise<MotherProfile> {
  return http.put<MotherProfile>('/api/mothers/me', { ...input, consent: { noticeVersion: CONSENT_NOTICE_VERSION } })
}

export function getMyPlan(options?: Pick<RequestOptions, 'silent'>): Promise<Plan> {
  return http.get<Plan>('/api/mothers/me/plan', undefined, options)
}
