/**
 * Shapes of the API's answers, as docs/API.md and the OpenAPI document at /docs describe them.
 * Codes (post types, stages, pay bases ...) are the domain package's types: the API stores and
 * returns the same codes, so the mini-program never keeps its own copy of the catalogue.
 */
import type {
  ChildcareStage,
  ContractForm,
  EmployerKind,
  FollowUpKind,
  InsuranceKind,
  PayBasis,
  PostTypeCode,
  WeeklyWindow,
  WorkingMode,
} from '@mamagang/domain'

export type { ChildcareStage, ContractForm, EmployerKind, InsuranceKind, PayBasis, PostTypeCode, WeeklyWindow, WorkingMode }

export interface GeoPoint {
  lat: number
  lng: number
}

// ---------------------------------------------------------------------------------------------
// Auth
// ---------------------------------------------------------------------------------------------

export type RoleCode = 'mother' | 'employer_member' | 'station_worker' | 'official'

export interface RoleGrant {
  role: RoleCode
  employerId: string | null
  stationId: string | null
  regionCode: string | null
}

export interface Me {
  userId: string
  displayName: string
  phoneMasked: string | null
  motherId: string | null
  roles: RoleGrant[]
}

export interface SessionAnswer {
  token: string
  expiresAt: string
  userId: string
}

export interface DemoUser {
  demoKey: string
  displayName: string
  roles: string[]
}

export interface PhoneBound {
  phoneMasked: string
  linkedMotherId: string | null
}

export interface Notification {
  id: string
  kind: string
  title: string
  body: string
  payload: unknown
  createdAt: string
}

// ---------------------------------------------------------------------------------------------
// Catalogue and regions
// ---------------------------------------------------------------------------------------------

export interface Region {
  code: string
  name: string
  level: string
  parentCode: string | null
  center: GeoPoint
}

// ---------------------------------------------------------------------------------------------
// Posts
// ---------------------------------------------------------------------------------------------

export interface ModeValue {
  code: WorkingMode
  label: string
}

export interface Facilities {
  motherBabyRoom: boolean
  shuttleBus: boolean
  childMayCome?: boolean
  childcare?: boolean
}

/** A post in a list (search, recommendations). */
export interface PostSummary {
  id: string
  title: string
  employerName: string
  friendly: boolean
  type: PostTypeCode
  typeLabel: string
  stage: ChildcareStage | null
  payText: string
  /** '折合约23.5-32.1元/小时', '25元/小时' or '自主创收，不折算时薪'. */
  hourlyText: string
  scheduleText: string
  modes: ModeValue[]
  remote: boolean
  takeHome: boolean
  openPlaces: number
  facilities: Facilities
}

export interface HourlyRange {
  min: number | null
  max: number | null
}

/** One search or recommendation hit. */
export interface SearchHit {
  post: PostSummary
  /** One decimal; null for a post with no place. */
  distanceKm: number | null
  hourly: HourlyRange
  score: number
  reasons: string[]
}

export interface SearchPage {
  items: SearchHit[]
  page: number
  hasMore: boolean
}

export interface PostEmployerView {
  id: string
  name: string
  kind: EmployerKind
  friendly: boolean
  facilities: Facilities
}

export type PostStatus = 'open' | 'filled' | 'expired' | 'taken_down'

export interface Post {
  id: string
  employer: PostEmployerView
  type: PostTypeCode
  typeLabel: string
  stage: ChildcareStage | null
  stageLabel: string | null
  title: string
  description: string
  headcount: number
  filledCount: number
  openPlaces: number
  pay: { basis: PayBasis; basisLabel: string; min: number; max: number; text: string }
  hourly: HourlyRange & { text: string }
  schedule: { flexible: boolean; windows: WeeklyWindow[]; text: string; hoursPerWeek: number }
  modes: ModeValue[]
  place: { remote: boolean; takeHome: boolean; location: GeoPoint | null; address: string | null; regionCode: string }
  insurance: InsuranceKind
  insuranceLabel: string
  contractForm: ContractForm
  contractLabel: string
  skills: string[]
  facilities: Facilities
  rightsTerms: string[]
  /** Last day open, 'YYYY-MM-DD' (China). */
  validUntil: string
  status: PostStatus
  statusLabel: string
  takedownReason: string | null
  createdAt: string
}

export interface PostInput {
  type: PostTypeCode
  title: string
  description: string
  headcount: number
  pay: { basis: PayBasis; min: number; max: number; unitsPerHour?: number; hoursPerTask?: number }
  schedule: { flexible: boolean; windows: WeeklyWindow[]; hoursPerWeek?: number }
  modes: WorkingMode[]
  place: { remote: boolean; takeHome: boolean; location?: GeoPoint; address?: string }
  insurance?: InsuranceKind
  contractForm?: ContractForm
  skills: string[]
  facilities: { motherBabyRoom: boolean; shuttleBus: boolean; childMayCome: boolean }
  /** Last day open, 'YYYY-MM-DD', today to a year ahead. */
  validUntil: string
}

// ---------------------------------------------------------------------------------------------
// Employers
// ---------------------------------------------------------------------------------------------

export type EmployerStatus = 'pending' | 'approved' | 'rejected'

export interface Employer {
  id: string
  name: string
  kind: EmployerKind
  kindLabel: string
  regionCode: string
  address: string
  location: GeoPoint
  facilities: { motherBabyRoom: boolean; childcare: boolean; shuttleBus: boolean }
  friendly: boolean
  uscc: string
  contactName: string | null
  contactPhoneMasked: string | null
  isLabourDispatch: boolean
  status: EmployerStatus
  statusLabel: string
  reviewReason: string | null
  serviceOfficer: string | null
  reviewedAt: string | null
  createdAt: string
}

/** What an approved employer updates itself (PUT /api/employers/:id/details). */
export interface EmployerDetailsInput {
  contactName: string
  contactPhone: string
  address: string
  location: GeoPoint
  facilities: { motherBabyRoom: boolean; childcare: boolean; shuttleBus: boolean }
}

export interface EmployerInput {
  uscc: string
  name: string
  kind: EmployerKind
  regionCode: string
  contactName: string
  contactPhone: string
  address: string
  location: GeoPoint
  facilities: { motherBabyRoom: boolean; childcare: boolean; shuttleBus: boolean }
  isLabourDispatch?: boolean
}

export interface Paged<T> {
  items: T[]
  total: number
  page: number
}

// ---------------------------------------------------------------------------------------------
// Mothers
// ---------------------------------------------------------------------------------------------

export interface ChildInput {
  birthYear: number
  birthMonth: number
}

export interface MotherProfileInput {
  name?: string
  regionCode: string
  children: ChildInput[]
  home?: GeoPoint
  school?: GeoPoint
  availableWindows: WeeklyWindow[]
  desiredHourly?: number
  wantedTypes?: PostTypeCode[]
  wantedModes?: WorkingMode[]
  skills?: string[]
}

export interface MotherProfile {
  id: string
  name: string
  regionCode: string
  children: { birthYear: number; birthMonth: number; ageYears: number }[]
  stage: ChildcareStage | null
  stageLabel: string | null
  home: GeoPoint | null
  school: GeoPoint | null
  availableWindows: WeeklyWindow[]
  availableText: string
  desiredHourly: number | null
  wantedTypes: PostTypeCode[]
  wantedModes: WorkingMode[]
  skills: string[]
  eligibility: { eligible: boolean; reasons: string[] }
}

export interface ResumeExperience {
  employer: string
  role: string
  /** 'YYYY-MM' */
  from: string | null
  /** 'YYYY-MM'; null: until now */
  to: string | null
  duties: string[]
}

export interface ResumeContent {
  experiences: ResumeExperience[]
  skills: string[]
  certificates: string[]
  preferredWork: string
  selfIntro: string
  highlights: string[]
}

export interface Resume extends ResumeContent {
  updatedAt: string | null
}

export interface ResumeSuggestion {
  id: string
  source: 'deepseek' | 'local'
  sourceLabel: string
  note: string | null
  original: ResumeContent
  suggested: ResumeContent
  status: 'pending' | 'accepted' | 'rejected'
  createdAt: string
  decidedAt: string | null
}

// ---------------------------------------------------------------------------------------------
// Applications and hires
// ---------------------------------------------------------------------------------------------

export type ApplicationStatus = 'submitted' | 'accepted' | 'rejected' | 'withdrawn' | 'hired'

export type ApplicationSource = 'search' | 'recommended' | 'share' | 'station'

export interface Application {
  id: string
  postId: string
  status: ApplicationStatus
  statusLabel: string
  source: ApplicationSource
  rejectReason: string | null
  createdAt: string
  updatedAt: string
  decidedAt: string | null
  post: {
    id: string
    title: string
    employerName: string
    type: PostTypeCode
    typeLabel: string
    status: PostStatus
    statusLabel: string
    openPlaces: number
    hourlyText: string
  }
}

export interface Applicant {
  id: string
  /** Masked: 王* */
  name: string
  /** Masked until the application is accepted. */
  phone: string | null
  phoneRevealed: boolean
  stage: ChildcareStage | null
  stageLabel: string
  children: { stage: ChildcareStage | null; stageLabel: string }[]
  skills: string[]
  scheduleFit: { fit: number | null; text: string }
}

export interface EmployerApplication {
  id: string
  postId: string
  postTitle: string
  status: ApplicationStatus
  statusLabel: string
  source: string
  rejectReason: string | null
  createdAt: string
  updatedAt: string
  decidedAt: string | null
  mother: Applicant
}

export interface HireInput {
  startDate: string
  contractForm: ContractForm
  contractMonths: number
  socialInsurance: boolean
}

export interface Hire {
  id: string
  applicationId: string
  postId: string
  postTitle: string
  mother: { id: string; name: string }
  startDate: string
  contractForm: ContractForm
  contractLabel: string
  contractMonths: number
  socialInsurance: boolean
  reportedAt: string
}

// ---------------------------------------------------------------------------------------------
// Stations and the 12333 follow-up
// ---------------------------------------------------------------------------------------------

export interface Station {
  id: string
  name: string
  regionCode: string
  address: string
  location: GeoPoint
  openingHours: string
  services: { code: string; label: string }[]
  rightsConsultationHours: string | null
  hasChildRoom: boolean
}

export interface ConsentNotice {
  version: string
  title: string
  publishedOn: string
  text: string
}

export interface StationMother {
  id: string
  name: string
  phoneMasked: string
  idMasked: string
  regionCode: string
  stationId: string | null
  children: ChildInput[]
  stage: ChildcareStage | null
  stageLabel: string | null
  registeredOn: string | null
  consent: { noticeVersion: string; givenAt: string } | null
  hasAccount: boolean
  hiredOn: string | null
}

export interface RegistrationInput {
  name: string
  phone: string
  idNumber: string
  children: ChildInput[]
  regionCode?: string
  home?: GeoPoint
  availableWindows: WeeklyWindow[]
  desiredHourly?: number
  wantedTypes: PostTypeCode[]
  wantedModes: WorkingMode[]
  skills: string[]
  /** Codes of the needs survey (domain TRAINING_SKILL_CODES). */
  trainingNeeds: string[]
  registeredUnemployedSince?: string
  employmentDifficulty?: boolean
  consent: { noticeVersion: string; givenAt: string }
}

export interface RegistrationAnswer {
  mother: StationMother
  created: boolean
}

export type PlanItemStatus = 'done' | 'due' | 'overdue' | 'upcoming' | 'stopped'

export interface PlanItem {
  id: string
  kind: FollowUpKind
  kindLabel: string
  seq: number
  dueOn: string
  status: PlanItemStatus
  statusLabel: string
  servedOn?: string | null
  daysToDue: number
}

export type ServiceChannel = 'in_person' | 'phone' | 'wechat'

export interface ServiceRecord {
  id: string
  kind: FollowUpKind
  kindLabel: string
  itemId: string | null
  servedAt: string
  servedOn: string
  channel: ServiceChannel
  channelLabel: string
  content: string
  outcome: string
  posts: { id: string; title: string; employerName: string }[]
  /** training_notice: the courses named. */
  courses?: NoticeCourse[]
  recordedBy: string | null
}

/** An open course a training notice can name (GET /api/mothers/:id/courses). */
export interface NoticeCourse {
  id: string
  title: string
  providerName: string
  firstStartsAt: string
  subsidised: boolean
}

export interface Plan {
  motherId: string
  registeredOn: string
  deadline: string
  items: PlanItem[]
  counts: Record<string, { required: number; done: number; label: string }>
  completionRate: number
  dueCount: number
  overdueCount: number
  hired: { hiredOn: string; source: 'reported' | 'elsewhere'; employerName: string | null; daysToEmployment: number | null } | null
  continueRecommendations: boolean
  services: ServiceRecord[]
}

export interface ServiceInput {
  kind: FollowUpKind
  servedAt: string
  channel: ServiceChannel
  content: string
  outcome: string
  postIds?: string[]
  courseIds?: string[]
}

export interface Recommendation {
  post: { id: string; title: string; employerName: string }
  distanceKm: number | null
  score: number
  reasons: string[]
}

export interface WorklistEntry {
  mother: { id: string; nameMasked: string; phoneMasked: string | null }
  item: { id: string; kind: FollowUpKind; kindLabel: string; seq: number; dueOn: string; status: string; servedOn: string | null; daysToDue: number }
}

export interface Worklist {
  items: WorklistEntry[]
  counts: { due: number; overdue: number; done: number }
  page: number
  hasMore: boolean
}

export type SurveyQuestionType = 'single' | 'multi' | 'number' | 'text'

export interface SurveyQuestion {
  id: string
  text: string
  type: SurveyQuestionType
  required: boolean
  options?: { value: string; label: string }[]
  min?: number
  max?: number
}

export interface SurveySection {
  code: string
  title: string
  questions: SurveyQuestion[]
}

export interface Survey {
  version: string
  title: string
  questionCount: number
  definition: { version?: string; title?: string; basis?: string; sections: SurveySection[] }
}

// ---------------------------------------------------------------------------------------------
// Policies, rights
// ---------------------------------------------------------------------------------------------

export interface SubsidyItem {
  code: string
  label: string
  beneficiary: 'employer' | 'mother'
  basis: string
  applies: boolean
  amountPerMonth?: number
  months?: number
  amountPerYear?: number
  years?: number
  total: number
  potentialTotal: number
  reasons: string[]
  missing: string[]
}

export interface MotherPolicyCentre {
  on: string
  regionCode: string
  regionName: string
  policy: { versionId: string; title: string; source: string; effectiveFrom: string; effectiveTo: string | null } | null
  summary: string
  eligibility: { eligible: boolean; reasons: string[] }
  items: SubsidyItem[]
  total: number
  claims: { id: string; employerName: string; statusLabel: string; amount: number; periodFrom: string; periodTo: string }[]
  /** Her hires, newest first: the hire picker of her own claim. */
  hires: MotherHire[]
}

export interface MotherHire {
  hireId: string
  employerName: string
  postTitle: string
  startDate: string
  contractForm: ContractForm
  contractLabel: string
  contractMonths: number
  endedOn: string | null
}

/** POST /api/claims/mine(/check): her own flexible-employment social-insurance subsidy. */
export interface MotherClaimInput {
  hireId: string
  flexibleEmploymentRegisteredOn: string
  selfPaidInsuranceMonths: number
  /** YYYY-MM */
  periodFrom?: string
}

export interface ClaimCheck {
  passes: boolean
  checks: { code: string; label: string; passed: boolean; reason: string }[]
  amount: number
  potentialAmount: number
  periodFrom: string
  periodTo: string
  months?: number
  basis: string
}

export interface MotherClaim {
  id: string
  status: 'proposed' | 'submitted' | 'approved' | 'rejected'
  statusLabel: string
  amount: number
  periodFrom: string
  periodTo: string
}

export interface RightsHelp {
  regionCode: string
  categories: { code: string; label: string }[]
  stations: { id: string; name: string; address: string; regionCode: string; openingHours: string; rightsConsultationHours: string }[]
}

export interface RightsCase {
  id: string
  kind: 'consultation' | 'complaint'
  kindLabel: string
  category: string
  categoryLabel: string
  text: string
  status: 'open' | 'in_progress' | 'resolved'
  statusLabel: string
  regionCode: string
  post: { id: string; title: string } | null
  employer: { id: string; name: string } | null
  notes: { status: string; statusLabel?: string; note: string; createdAt: string }[]
  createdAt: string
  updatedAt: string
}

// ---------------------------------------------------------------------------------------------
// Monitoring (officials)
// ---------------------------------------------------------------------------------------------

export interface Figures {
  posts: { new: number; open: number }
  applications: number
  applicants: number
  hires: number
  daysToEmployment: { hires: number; median: number | null; average: number | null }
  followUp: { owed: number; done: number; rate: number } | null
  subsidies: { claimed: number; claimedAmount: number; paid: number; paidAmount: number } | null
  quality: {
    posts: number
    labourContract: number
    labourContractShare: number | null
    socialInsurance: number
    socialInsuranceShare: number | null
    wageChecked: number
    meetsMinimumWage: number
    meetsMinimumWageShare: number | null
    payToMinimumWage: number | null
  }
  training: { signUps: number; attended: number; attendanceRate: number | null } | null
  /** Recruitment fairs and livestreams; null by post type and by stage. */
  fairs?: {
    fairs: number
    signUps: number
    walkIns: number
    checkIns: number
    fairApplications: number
    fairHires: number
    livestreams: number
    livestreamApplications: number
    livestreamHires: number
  } | null
}

export interface Monitoring {
  regionCode: string
  regionName: string
  from: string
  to: string
  groupBy: 'district' | 'type' | 'stage'
  totals: Figures
  groups: { key: string; label: string; figures: Figures }[]
}
