/**
 * Worker sharing between employers (用工余缺调剂).
 *   POST/GET /api/employers/:employerId/sharing/listings     POST /api/sharing/listings/:id/close
 *   GET  /api/sharing/matches?employerId                      GET  /api/employers/:employerId/sharing/employees
 *   POST /api/sharing/proposals                               GET  /api/sharing/proposals?employerId
 *   POST /api/sharing/proposals/:id/accept | decline          GET  /api/sharing/agreements?employerId
 *   mothers: GET /api/sharing/consents/mine, POST /api/sharing/consents/:id/accept | decline, GET /api/sharing/agreements/mine
 */
import type { Agreement, Consent, Employee, Listing, ListingInput, Proposal, ProposalInput, SharingMatch } from '../types/fairs'
import { http } from './http'

const employerPath = (employerId: string) => `/api/employers/${encodeURIComponent(employerId)}/sharing`

export function listListings(employerId: string): Promise<Listing[]> {
  return http.get<Listing[]>(`${employerPath(employerId)}/listings`)
}

export function createListing(employerId: string, input: ListingInput): Promise<Listing> {
  return http.post<Listing>(`${employerPath(employerId)}/listings`, input)
}

export function closeListing(id: string): Promise<Listing> {
  return http.post<Listing>(`/api/sharing/listings/${encodeURIComponent(id)}/close`, {})
}

export function listMatches(employerId: string): Promise<SharingMatch[]> {
  return http.get<SharingMatch[]>('/api/sharing/matches', { employerId })
}

export function listEmployees(employerId: string): Promise<Employee[]> {
  return http.get<Employee[]>(`${employerPath(employerId)}/employees`)
}

export function propose(input: ProposalInput): Promise<Proposal> {
  return http.post<Proposal>('/api/sharing/proposals', input)
}

export function listProposals(employerId: string): Promise<Proposal[]> {
  return http.get<Proposal[]>('/api/sharing/proposals', { employerId })
}

export function decideProposal(id: string, accept: boolean): Promise<Proposal> {
  return http.post<Proposal>(`/api/sharing/proposals/${encodeURIComponent(id)}/${accept ? 'accept' : 'decline'}`, {})
}

export function listAgreements(employerId: string): Promise<Agreement[]> {
  return http.get<Agreement[]>('/api/sharing/agreements', { employerId })
}

export function listMyConsents(): Promise<Consent[]> {
  return http.get<Consent[]>('/api/sharing/consents/mine')
}

export function answerConsent(id: string, accept: boolean): Promise<Consent> {
  return http.post<Consent>(`/api/sharing/consents/${encodeURIComponent(id)}/${accept ? 'accept' : 'decline'}`, {})
}

export function listMyAgreements(): Promise<Agreement[]> {
  return http.get<Agreement[]>('/api/sharing/agreements/mine')
}
