import type { ChildcareStage, ContractForm, InsuranceKind, PayBasis, PostTypeCode, WeeklyWindow, WorkingMode } from '@mamagang/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, type ValueTransformer } from 'typeorm';

export type PostStatus = 'open' | 'filled' | 'expired' | 'taken_down';

/** `numeric` arrives from `pg` as a string; yuan and hours are plain numbers in the code. */
export const numericColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A 妈妈岗 post (table `posts`). */
@Entity({ name: 'posts' })
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  /** The employer's region: officials of that region moderate the post. */
  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ type: 'text' })
  type!: PostTypeCode;

  /** The stage of a stage type (全程陪伴型 …); null for the employer-kind types. */
  @Column({ type: 'text', nullable: true })
  stage!: ChildcareStage | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'integer' })
  headcount!: number;

  @Column({ name: 'filled_count', type: 'integer', default: 0 })
  filledCount!: number;

  @Column({ name: 'pay_basis', type: 'text' })
  payBasis!: PayBasis;

  @Column({ name: 'pay_min', type: 'numeric', precision: 10, scale: 2, transformer: numericColumn })
  payMin!: number;

  @Column({ name: 'pay_max', type: 'numeric', precision: 10, scale: 2, transformer: numericColumn })
  payMax!: number;

  @Column({ name: 'units_per_hour', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numericColumn })
  unitsPerHour!: number | null;

  @Column({ name: 'hours_per_task', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numericColumn })
  hoursPerTask!: number | null;

  /** Yuan per hour; null only for her own start-up's income (own_income). */
  @Column({ name: 'hourly_min', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numericColumn })
  hourlyMin!: number | null;

  @Column({ name: 'hourly_max', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numericColumn })
  hourlyMax!: number | null;

  @Column({ name: 'flexible_hours', type: 'boolean', default: false })
  flexibleHours!: boolean;

  /** Normalised weekly windows (sorted, merged); empty for a flexible post that gives none. */
  @Column({ type: 'jsonb', default: [] })
  windows!: WeeklyWindow[];

  @Column({ name: 'hours_per_week', type: 'numeric', precision: 6, scale: 2, transformer: numericColumn })
  hoursPerWeek!: number;

  @Column({ type: 'text', array: true, default: [] })
  modes!: WorkingMode[];

  @Column({ type: 'boolean', default: false })
  remote!: boolean;

  @Column({ name: 'take_home', type: 'boolean', default: false })
  takeHome!: boolean;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text' })
  insurance!: InsuranceKind;

  @Column({ name: 'contract_form', type: 'text' })
  contractForm!: ContractForm;

  @Column({ type: 'text', array: true, default: [] })
  skills!: string[];

  @Column({ name: 'has_mother_baby_room', type: 'boolean', default: false })
  hasMotherBabyRoom!: boolean;

  @Column({ name: 'has_shuttle_bus', type: 'boolean', default: false })
  hasShuttleBus!: boolean;

  @Column({ name: 'child_may_come', type: 'boolean', default: false })
  childMayCome!: boolean;

  /** The post closes at this instant (the end of its last day, China time). */
  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil!: Date;

  @Column({ type: 'text', default: 'open' })
  status!: PostStatus;

  @Column({ name: 'takedown_reason', type: 'text', nullable: true })
  takedownReason!: string | null;

  @Column({ name: 'taken_down_by', type: 'uuid', nullable: true })
  takenDownBy!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The minimum-wage figure the pay was checked against at publication; null when none was known. */
  @Column({ name: 'minimum_wage_source', type: 'text', nullable: true })
  minimumWageSource!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
