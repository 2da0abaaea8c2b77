import type { RightsCaseStatus } from '@mamagang/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An official's note on a case, with the status it moved the case to (table `rights_case_notes`). */
@Entity({ name: 'rights_case_notes' })
export class RightsCaseNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text' })
  status!: RightsCaseStatus;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
