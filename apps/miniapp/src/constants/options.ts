import type { ChildcareStage } from '../types/post'

/**
 * Choice lists for filters and the first-run questions. The catalogue itself belongs
 * to packages/domain (and the API); switch to its exports once they are published.
 */

export interface Option<T> {
  value: T
  label: string
}

export const STAGE_OPTIONS: Option<ChildcareStage>[] = [
  { value: 'companion', label: '全程陪伴型 (孩子 0-3 岁)' },
  { value: 'flexible', label: '弹性兼顾型 (孩子 3-6 岁)' },
  { value: 'settled', label: '安心工作型 (孩子 6-12 岁)' },
]

/** Post types a mother most often filters by (labels from the Weihai catalogue). */
export const POST_TYPE_OPTIONS: Option<string>[] = [
  { value: 'remote_online', label: '远程线上' },
  { value: 'project_based', label: '项目制' },
  { value: 'handicraft', label: '手工制作' },
  { value: 'domestic_service', label: '家政服务' },
  { value: 'family_friendly', label: '家庭友好' },
  { value: 'school_canteen', label: '学校餐厅' },
  { value: 'production_line', label: '生产线' },
  { value: 'short_term', label: '短期用工' },
  { value: 'sales', label: '市场销售' },
  { value: 'childcare_backed', label: '托育保障' },
  { value: 'platform', label: '平台经济' },
  { value: 'public_welfare', label: '公益性岗位' },
]

export const DISTANCE_OPTIONS: Option<number>[] = [
  { value: 1, label: '1 公里内' },
  { value: 3, label: '3 公里内' },
  { value: 5, label: '5 公里内' },
  { value: 10, label: '10 公里内' },
]

/** Minimum pay, as yuan per hour (the filter compares hourly equivalents). */
export const MIN_PAY_OPTIONS: Option<number>[] = [
  { value: 20, label: '20 元/小时以上' },
  { value: 25, label: '25 元/小时以上' },
  { value: 30, label: '30 元/小时以上' },
  { value: 40, label: '40 元/小时以上' },
  { value: 50, label: '50 元/小时以上' },
]
