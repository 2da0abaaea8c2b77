import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ResumeContent } from './resume-content';

/** A mother's resume (table `resumes`), one per mother. */
@Entity({ name: 'resumes' })
export class ResumeEntity {
  @PrimaryColumn({ name: 'mother_id', type: 'uuid' })
  motherId!: string;

  @Column({ type: 'jsonb' })
  content!: ResumeContent;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
