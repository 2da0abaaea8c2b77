import type { ContractForm } from '@mamagang/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A hire the employer reported (table `hires`): the employment registration that subsidy
 * claims rest on. At most one per application (`hires_application_unique`).
 */
@Entity({ name: 'hires' })
export class HireEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @Column({ name: 'mother_id', type: 'uuid' })
  motherId!: string;

  /** 'YYYY-MM-DD'. */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'contract_form', type: 'text' })
  contractForm!: ContractForm;

  @Column({ name: 'contract_months', type: 'integer' })
  contractMonths!: number;

  @Column({ name: 'social_insurance', type: 'boolean' })
  socialInsurance!: boolean;

  @Column({ name: 'reported_by', type: 'uuid', nullable: true })
  reportedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
