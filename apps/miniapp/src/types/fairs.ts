/**
 * Answers of the fairs, livestreams and worker-sharing routes (docs/API.md: "Special recruitment
 * fairs", "Livestreamed job promotion", "Worker sharing between employers").
 */
import type { GeoPoint } from './api'

export type FairMode = 'online' | 'onsite'
export type SignupStatus = 'signed_up' | 'cancelled' | 'checked_in'

export interface FairPost {
  id: string
  title: string
  employerId: string
  employerName: string
  type: string
  typeLabel: string
  hourlyText: string
  openPlaces: number
  status: string
  statusLabel: string
  remote: boolean
  takeHome: boolean
}

export interface FairEmployer {
  id: string
  name: string
  friendly: boolean
  posts: FairPost[]
}

export interface MySignupBrief {
  id: string
  status: SignupStatus
  statusLabel: string
  /** `000012-00007-4839203`; null once cancelled. */
  code: string | null
  codeDigits: string | null
  walkIn: boolean
  signedUpAt: string
  checkedInAt: string | null
}

export interface FairSummary {
  id: string
  fairNo: number
  title: string
  mode: FairMode
  modeLabel: string
  regionCode: string
  address: string | null
  location: GeoPoint | null
  date: string
  startTime: string
  endTime: string
  startsAt: string
  endsAt: string
  childFriendly: string
  seats: number
  seatsLeft: number
  employerCount: number
  postCount: number
  status: 'published' | 'cancelled'
  statusLabel: string
  distanceKm: number | null
  mySignup: MySignupBrief | null
}

export interface LivestreamSummary {
  id: string
  title: string
  platform: 'wechat_channels' | 'other'
  platformLabel: string
  channelsId: string | null
  feedId: string | null
  url: string | null
  startsAt: string
  endsAt: string
  phase: 'upcoming' | 'live' | 'ended'
  phaseLabel: string
  status: string
}

export interface Livestream extends LivestreamSummary {
  regionCode: string
  fair: { id: string; title: string } | null
  post: { id: string; title: string } | null
  posts: FairPost[]
}

export interface Fair extends FairSummary {
  description: string
  onlineUrl: string | null
  cancelReason: string | null
  stationId: string | null
  employers: FairEmployer[]
  livestreams: LivestreamSummary[]
  canManage: boolean
}

export interface MyFairSignup extends MySignupBrief {
  fair: FairSummary
}

export interface FairSignup {
  id: string
  seq: number
  status: SignupStatus
  statusLabel: string
  walkIn: boolean
  signedUpAt: string
  checkedInAt: string | null
  mother: { id: string; name: string; phoneMasked: string | null }
}

export interface FairStats {
  fairId: string
  title: string
  date: string
  seats: number
  seatsTaken: number
  signUps: number
  cancelled: number
  walkIns: number
  checkIns: number
  applications: number
  applicants: number
  hires: number
  employers: { employerId: string; employerName: string; posts: number; applications: number; hires: number }[]
  livestreams: { id: string; title: string; applications: number; hires: number }[]
}

export interface FairInput {
  title: string
  description?: string
  mode: FairMode
  regionCode?: string
  address?: string
  location?: GeoPoint
  onlineUrl?: string
  date: string
  startTime: string
  endTime: string
  childFriendly?: string
  seats: number
  employers?: { employerId: string; postIds: string[] }[]
}

export interface LivestreamInput {
  title: string
  platform: 'wechat_channels' | 'other'
  channelsId?: string
  url?: string
  startsAt: string
  endsAt: string
  postIds?: string[]
}

// ------------------------------------------------------------------------------- sharing

export type SharingSide = 'offer' | 'request'

export interface Listing {
  id: string
  employerId: string
  employerName: string
  side: SharingSide
  sideLabel: string
  regionCode: string
  workers: number
  from: string
  to: string
  skills: string[]
  note: string
  status: 'open' | 'closed'
  createdAt: string
}

export interface ListingInput {
  side: SharingSide
  workers: number
  from: string
  to: string
  skills: string[]
  note?: string
}

export interface SharingMatch {
  mine: SharingSide
  offer: Listing
  request: Listing
  score: number
  overlap: { from: string; to: string; days: number }
  sharedSkills: string[]
  distanceKm: number | null
  workers: number
  reasons: string[]
}

export interface TermsView {
  hourly: number
  hourlyText: string
  insurance: string
  insuranceLabel: string
  contractForm: string
  contractLabel: string
}

export interface Employee {
  motherId: string
  name: string
  hireId: string
  postTitle: string
  startDate: string
  terms: TermsView | null
}

export interface Terms {
  hourly: number
  insurance: string
  contractForm: string
}

export interface ProposalInput {
  offerId: string
  requestId: string
  terms: Terms
  workplace?: string
  note?: string
  motherIds: string[]
}

export interface Proposal {
  id: string
  offerId: string
  requestId: string
  fromEmployer: { id: string; name: string }
  toEmployer: { id: string; name: string }
  from: string
  to: string
  terms: TermsView
  workplace: string
  note: string
  status: 'proposed' | 'accepted' | 'declined'
  statusLabel: string
  createdAt: string
  decidedAt: string | null
  workers: { consentId: string; motherId: string; name: string; status: string; statusLabel: string; agreementId: string | null }[]
}

export interface Consent {
  id: string
  proposalId: string
  status: 'pending' | 'accepted' | 'declined'
  statusLabel: string
  fromEmployer: { id: string; name: string }
  toEmployer: { id: string; name: string }
  from: string
  to: string
  workplace: string
  note: string
  original: TermsView
  shared: TermsView
  proposalStatus: string
  agreementId: string | null
  createdAt: string
  decidedAt: string | null
}

export interface Agreement {
  id: string
  proposalId: string
  fromEmployer: { id: string; name: string }
  toEmployer: { id: string; name: string }
  motherId: string
  motherName: string
  from: string
  to: string
  termsBefore: TermsView
  termsAfter: TermsView
  text: string
  createdAt: string
}
