import type { EmployerKind } from '@mamagang/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type EmployerStatus = 'pending' | 'approved' | 'rejected';

/**
 * An employer's filing (备案) in the directory (table `employers`). The contact phone is kept
 * encrypted (PiiCrypto) with a masked copy for display; nobody reads it in full through the API.
 */
@Entity({ name: 'employers' })
export class EmployerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Unified social credit code, normalised (18 characters, upper case); unique. */
  @Column({ type: 'text' })
  uscc!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: EmployerKind;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ name: 'contact_name', type: 'text' })
  contactName!: string;

  @Column({ name: 'contact_phone_cipher', type: 'text' })
  contactPhoneCipher!: string;

  @Column({ name: 'contact_phone_masked', type: 'text' })
  contactPhoneMasked!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ name: 'has_mother_baby_room', type: 'boolean', default: false })
  hasMotherBabyRoom!: boolean;

  @Column({ name: 'has_childcare', type: 'boolean', default: false })
  hasChildcare!: boolean;

  @Column({ name: 'has_shuttle_bus', type: 'boolean', default: false })
  hasShuttleBus!: boolean;

  /** Labour-dispatch firms get no 妈妈岗 employer subsidy (中山 2022). */
  @Column({ name: 'is_labour_dispatch', type: 'boolean', default: false })
  isLabourDispatch!: boolean;

  /** The official's service officer (服务专员) named at approval. */
  @Column({ name: 'service_officer', type: 'text', nullable: true })
  serviceOfficer!: string | null;

  @Column({ type: 'text', default: 'pending' })
  status!: EmployerStatus;

  @Column({ name: 'review_reason', type: 'text', nullable: true })
  reviewReason!: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  /** 友好企业: granted by an official of the region. */
  @Column({ type: 'boolean', default: false })
  friendly!: boolean;

  @Column({ name: 'friendly_granted_by', type: 'uuid', nullable: true })
  friendlyGrantedBy!: string | null;

  @Column({ name: 'friendly_granted_at', type: 'timestamptz', nullable: true })
  friendlyGrantedAt!: Date | null;

  @Column({ name: 'filed_by', type: 'uuid', nullable: true })
  filedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
