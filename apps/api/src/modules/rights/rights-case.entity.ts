import type { RightsCaseKind, RightsCaseStatus, RightsCategory } from '@mamagang/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A consultation or complaint of a mother (table `rights_cases`), routed to a region's officials. */
@Entity({ name: 'rights_cases' })
export class RightsCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'mother_id', type: 'uuid' })
  motherId!: string;

  @Column({ type: 'text' })
  kind!: RightsCaseKind;

  @Column({ type: 'text' })
  category!: RightsCategory;

  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId!: string | null;

  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId!: string | null;

  /** Where it is routed: the post's region, else the employer's, else hers. */
  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  status!: RightsCaseStatus;

  @Column({ name: 'handled_by', type: 'uuid', nullable: true })
  handledBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
