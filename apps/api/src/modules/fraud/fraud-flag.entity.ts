import type { FraudObject, FraudRuleCode } from '@mamagang/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FlagStatus = 'open' | 'resolved';
export type FlagOutcome = 'confirmed' | 'dismissed';

/**
 * A finding of a fraud rule for officials (table `fraud_flags`), unique per rule and subject.
 * Resolving records what the official concluded; it never penalises anyone by itself.
 */
@Entity({ name: 'fraud_flags' })
export class FraudFlagEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) rule!: FraudRuleCode;
  @Column({ name: 'subject_key', type: 'text' }) subjectKey!: string;
  @Column({ name: 'region_code', type: 'text' }) regionCode!: string;
  @Column({ type: 'text' }) explanation!: string;
  @Column({ type: 'jsonb', default: [] }) objects!: FraudObject[];
  @Column({ type: 'text', default: 'open' }) status!: FlagStatus;
  @Column({ type: 'text', nullable: true }) outcome!: FlagOutcome | null;
  @Column({ name: 'resolution_note', type: 'text', nullable: true }) resolutionNote!: string | null;
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true }) resolvedBy!: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'first_seen_at', type: 'timestamptz' }) firstSeenAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt!: Date;
}
