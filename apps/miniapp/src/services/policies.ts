/**
 * Policies and rights, for the mother.
 *   GET  /api/policies/me           what she qualifies for today, why, what is missing, how much
 *   GET  /api/rights/help?regionCode  consultation stations and complaint categories
 *   POST /api/rights/cases          { kind, category, text, postId?, employerId? }
 *   GET  /api/rights/cases/mine
 *   POST /api/claims/mine/check     her own flexible-employment subsidy, checked; nothing written
 *   POST /api/claims/mine           filed (422 CLAIM_RULES_FAILED with the reasons)
 */
import type { ClaimCheck, MotherClaim, MotherClaimInput, MotherPolicyCentre, RightsCase, RightsHelp } from '../types/api'
import { http, type RequestOptions } from './http'

type CallOptions = Pick<RequestOptions, 'silent'>

export function getMyPolicies(options?: CallOptions): Promise<MotherPolicyCentre> {
  return http.get<MotherPolicyCentre>('/api/policies/me', undefined, options)
}

export function getRightsHelp(regionCode?: string, options?: CallOptions): Promise<RightsHelp> {
  return http.get<RightsHelp>('/api/rights/help', { regionCode }, options)
}

export function openRightsCase(input: { kind: 'consultation' | 'complaint'; category: string; text: string; postId?: string }): Promise<RightsCase> {
  return http.post<RightsCase>('/api/rights/cases', input)
}

export function listMyRightsCases(options?: CallOptions): Promise<RightsCase[]> {
  return http.get<RightsCase[]>('/api/rights/cases/mine', undefined, options)
}

export function checkMyClaim(input: MotherClaimInput): Promise<ClaimCheck> {
  // The form shows the reasons itself.
  return http.post<ClaimCheck>('/api/claims/mine/check', input, { silent: true })
}

export function fileMyClaim(input: MotherClaimInput): Promise<MotherClaim> {
  return http.post<MotherClaim>('/api/claims/mine', input, { silent: true })
}
