import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FairMode = 'online' | 'onsite';
export type FairStatus = 'published' | 'cancelled';

/**
 * A special recruitment fair (专场招聘, table `fairs`) published by a station or an official of
 * its region. `seats_taken` counts the sign-ups holding a seat; it moves only through a guarded
 * UPDATE, and a CHECK forbids it to pass `seats`.
 */
@Entity({ name: 'fairs' })
export class FairEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Short number printed in check-in codes. */
  @Column({ name: 'fair_no', type: 'integer', insert: false, update: false })
  fairNo!: number;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ name: 'station_id', type: 'uuid', nullable: true })
  stationId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text' })
  mode!: FairMode;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  @Column({ name: 'online_url', type: 'text', nullable: true })
  onlineUrl!: string | null;

  /** 'YYYY-MM-DD', China time. */
  @Column({ name: 'fair_date', type: 'date' })
  fairDate!: string;

  /** 'HH:MM', China time. */
  @Column({ name: 'start_time', type: 'text' })
  startTime!: string;

  @Column({ name: 'end_time', type: 'text' })
  endTime!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'child_friendly', type: 'text', default: '' })
  childFriendly!: string;

  @Column({ type: 'integer' })
  seats!: number;

  @Column({ name: 'seats_taken', type: 'integer', default: 0 })
  seatsTaken!: number;

  /** The last sign-up number given out at this fair. */
  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq!: number;

  @Column({ type: 'text', default: 'published' })
  status!: FairStatus;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
