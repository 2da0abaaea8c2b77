import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PolicyVersionKind = 'policy' | 'minimum_wage';

/**
 * One version of a region's policy data (table `policy_versions`): a policy (the domain's
 * RegionalPolicy without its minimum wage) or a minimum wage (MinimumWage), in force from
 * `effectiveFrom`. Never updated: a change is a new row.
 */
@Entity({ name: 'policy_versions' })
export class PolicyVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: PolicyVersionKind;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  /** 'YYYY-MM-DD'. */
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo!: string | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** Why the version was recorded (the official's words). */
  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
