/**
 * Choice lists for pickers and chips. Every catalogue list (stages, post types, modes, pay
 * bases, insurance, contracts, employer kinds) comes from @mamagang/domain, the same data the
 * API checks against; only UI choices that are not rules (distance steps, pay steps) live here.
 */
import {
  CHILDCARE_STAGE_CODES,
  CHILDCARE_STAGES,
  CONTRACT_FORM_CODES,
  CONTRACT_FORM_LABELS,
  EMPLOYER_KIND_CODES,
  EMPLOYER_KIND_LABELS,
  FOLLOW_UP_KIND_CODES,
  FOLLOW_UP_KIND_LABELS,
  INSURANCE_KIND_CODES,
  INSURANCE_KIND_LABELS,
  PAY_BASIS_CODES,
  PAY_BASIS_LABELS,
  POST_TYPE_CODES,
  POST_TYPES,
  WORKING_MODE_CODES,
  WORKING_MODES,
  type ChildcareStage,
  type ContractForm,
  type EmployerKind,
  type FollowUpKind,
  type InsuranceKind,
  type PayBasis,
  type PostTypeCode,
  type WorkingMode,
} from '@mamagang/domain'

export interface Option<T> {
  value: T
  label: string
}

/** 全程陪伴型 (0-3岁) ... */
export const STAGE_OPTIONS: Option<ChildcareStage>[] = CHILDCARE_STAGE_CODES.map((code) => ({
  value: code,
  label: `${CHILDCARE_STAGES[code].label} (孩子${CHILDCARE_STAGES[code].ageText})`,
}))

export const POST_TYPE_OPTIONS: Option<PostTypeCode>[] = POST_TYPE_CODES.map((code) => ({
  value: code,
  label: POST_TYPES[code].label,
}))

export const MODE_OPTIONS: Option<WorkingMode>[] = WORKING_MODE_CODES.map((code) => ({
  value: code,
  label: WORKING_MODES[code].label,
}))

export const EMPLOYER_KIND_OPTIONS: Option<EmployerKind>[] = EMPLOYER_KIND_CODES.map((code) => ({
  value: code,
  label: EMPLOYER_KIND_LABELS[code],
}))

export const PAY_BASIS_OPTIONS: Option<PayBasis>[] = PAY_BASIS_CODES.map((code) => ({ value: code, label: PAY_BASIS_LABELS[code] }))

export const INSURANCE_OPTIONS: Option<InsuranceKind>[] = INSURANCE_KIND_CODES.map((code) => ({
  value: code,
  label: INSURANCE_KIND_LABELS[code],
}))

export const CONTRACT_OPTIONS: Option<ContractForm>[] = CONTRACT_FORM_CODES.map((code) => ({
  value: code,
  label: CONTRACT_FORM_LABELS[code],
}))

export const FOLLOW_UP_OPTIONS: Option<FollowUpKind>[] = FOLLOW_UP_KIND_CODES.map((code) => ({
  value: code,
  label: FOLLOW_UP_KIND_LABELS[code],
}))

/** Search radius steps (kilometres); the API caps the radius at 50. */
export const DISTANCE_OPTIONS: Option<number>[] = [
  { value: 1, label: '1 公里内' },
  { value: 3, label: '3 公里内' },
  { value: 5, label: '5 公里内' },
  { value: 10, label: '10 公里内' },
  { value: 30, label: '30 公里内' },
]

/** Minimum pay, as yuan per hour (the API compares hourly equivalents). */
export const MIN_PAY_OPTIONS: Option<number>[] = [
  { value: 20, label: '20 元/小时以上' },
  { value: 25, label: '25 元/小时以上' },
  { value: 30, label: '30 元/小时以上' },
  { value: 40, label: '40 元/小时以上' },
]

export function labelOf<T>(options: readonly Option<T>[], value: T | null | undefined, fallback = '未填写'): string {
  return options.find((o) => o.value === value)?.label ?? fallback
}
