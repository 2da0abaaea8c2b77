import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FairSignupStatus = 'signed_up' | 'cancelled' | 'checked_in';

/**
 * A mother's place at a fair (table `fair_signups`): one per fair and mother. `seq` is her
 * number at the fair (in her check-in code); `code_hash` the keyed hash of that code.
 */
@Entity({ name: 'fair_signups' })
export class FairSignupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'fair_id', type: 'uuid' })
  fairId!: string;

  @Column({ name: 'mother_id', type: 'uuid' })
  motherId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  @Column({ type: 'text' })
  status!: FairSignupStatus;

  /** False for a walk-in registered at the door: she takes no pre-booked seat. */
  @Column({ name: 'holds_seat', type: 'boolean' })
  holdsSeat!: boolean;

  @Column({ name: 'walk_in', type: 'boolean', default: false })
  walkIn!: boolean;

  @Column({ name: 'signed_up_at', type: 'timestamptz' })
  signedUpAt!: Date;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  @Column({ name: 'checked_in_by', type: 'uuid', nullable: true })
  checkedInBy!: string | null;

  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
