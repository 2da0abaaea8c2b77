import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ResumeContent } from './resume-content';
import type { OptimiserSource } from './resume-optimizer';

export type SuggestionStatus = 'pending' | 'accepted' | 'rejected';

/** An optimiser's suggestion beside the resume it was made from (table `resume_suggestions`). */
@Entity({ name: 'resume_suggestions' })
export class ResumeSuggestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'mother_id', type: 'uuid' })
  motherId!: string;

  @Column({ type: 'text' })
  source!: OptimiserSource;

  /** Why the fallback answered (e.g. "AI服务超时，已使用本地优化"); null otherwise. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'jsonb' })
  original!: ResumeContent;

  @Column({ type: 'jsonb' })
  suggested!: ResumeContent;

  @Column({ type: 'text' })
  status!: SuggestionStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
