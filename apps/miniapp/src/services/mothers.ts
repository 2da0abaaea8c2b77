/**
 * Her own profile and 12333 plan.
 *   PUT /api/mothers/me   MotherProfileInput -> MotherProfile (grants the mother role)
 *   GET /api/mothers/me
 *   GET /api/mothers/me/plan
 */
import type { MotherProfile, MotherProfileInput, Plan } from '../types/api'
import { http, type RequestOptions } from './http'

export function getMyProfile(options?: Pick<RequestOptions, 'silent'>): Promise<MotherProfile> {
  return http.get<MotherProfile>('/api/mothers/me', undefined, options)
}

export function saveMyProfile(input: MotherProfileInput): Promise<MotherProfile> {
  return http.put<MotherProfile>('/api/mothers/me', input)
}

export function getMyPlan(options?: Pick<RequestOptions, 'silent'>): Promise<Plan> {
  return http.get<Plan>('/api/mothers/me/plan', undefined, options)
}
