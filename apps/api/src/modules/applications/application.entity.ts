import type { ApplicationStatus } from '@mamagang/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A mother's application to a post (table `applications`): one per post and mother
 * (`applications_once_per_post`); withdrawing and applying again reopens the same row and
 * counts one more submission.
 */
@Entity({ name: 'applications' })
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Column({ name: 'mother_id', type: 'uuid' })
  motherId!: string;

  /** Copied from the post, so an employer's list needs no join to find its applications. */
  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @Column({ type: 'text', default: 'submitted' })
  status!: ApplicationStatus;

  @Column({ name: 'reject_reason', type: 'text', nullable: true })
  rejectReason!: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ type: 'text', default: 'search' })
  source!: string;

  @Column({ type: 'integer', default: 1 })
  submissions!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
