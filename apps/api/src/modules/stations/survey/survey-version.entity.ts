import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SurveyDefinition } from './needs-survey.v1';

/** A published version of the needs survey (table `survey_versions`); answers point at it. */
@Entity({ name: 'survey_versions' })
export class SurveyVersionEntity {
  @PrimaryColumn({ type: 'text' })
  version!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb' })
  definition!: SurveyDefinition;

  @Column({ name: 'question_count', type: 'integer' })
  questionCount!: number;

  /** The version workers fill in now; at most one. */
  @Column({ type: 'boolean', default: false })
  active!: boolean;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
