/**
 * Shapes the pages use for posts. They mirror what the API is expected to return;
 * once packages/domain exports the catalogue types, these should import from it.
 */

/** Pay basis (计薪方式) of a post. */
export type PayUnit = 'hour' | 'day' | 'month' | 'piece' | 'project'

export interface Pay {
  /** Yuan (元). With `maxAmount`, the lower end of a range. */
  amount: number
  maxAmount?: number | null
  unit: PayUnit
  /** Pay per hour worked, in yuan, as estimated by the API from the schedule. */
  hourlyEquivalent?: number | null
}

/** Childcare stage of the youngest child, which decides what work fits. */
export type ChildcareStage = 'companion' | 'flexible' | 'settled'

/** One post in a list (search results, recommendations). */
export interface PostSummary {
  id: string
  title: string
  employerName: string
  /** Catalogue type label, e.g. 远程线上. */
  postTypeLabel?: string
  pay: Pay
  /** Kilometres from the mother's location; absent when she has not shared it. */
  distanceKm?: number | null
  /** Working hours in words, e.g. 周一至周五 9:00-15:00. */
  hoursText: string
  /** Why it was recommended: 离家近, 适合接送时间, 可带回家做 ... */
  matchReasons: string[]
}
