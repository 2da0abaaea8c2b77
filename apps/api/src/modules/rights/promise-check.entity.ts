import type { PromiseAnswers } from '@mamagang/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The question 30 days after a hire whether the promised terms hold, and her answer (table
 * `promise_checks`, one per hire). Mother, employer, post and the post's region are copies of
 * the hire's, for per-employer and per-region counts without joins.
 */
@Entity({ name: 'promise_checks' })
export class PromiseCheckEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'hire_id', type: 'uuid' })
  hireId!: string;

  @Column({ name: 'mother_id', type: 'uuid' })
  motherId!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  /** 'YYYY-MM-DD': the hire's start date + 30 days. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'asked_at', type: 'timestamptz' })
  askedAt!: Date;

  @Column({ type: 'jsonb', nullable: true })
  answers!: PromiseAnswers | null;

  /** Any answer 'broken'; null until answered. */
  @Column({ type: 'boolean', nullable: true })
  broken!: boolean | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
