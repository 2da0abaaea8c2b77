import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WeeklyWindow } from '@mamagang/domain';
import { ChildEntity } from './child.entity';

/** numeric(10,2) arrives from pg as text; the API works in numbers (yuan). */
export const NUMERIC_AS_NUMBER = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A mother's profile (table `mothers`): created by her own sign-in (PUT /mothers/me) or by a
 * station worker at the desk (then with her ID number, phone and consent), and joined to her
 * account when she proves the phone. Personal numbers are stored as cipher + keyed hash + mask
 * (PiiCrypto); home and school are rounded to 3 decimals (about 100 m) before they get here.
 */
@Entity({ name: 'mothers' })
export class MotherEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'text', default: '' })
  name!: string;

  @Column({ name: 'phone_hash', type: 'text', nullable: true })
  phoneHash!: string | null;

  @Column({ name: 'phone_cipher', type: 'text', nullable: true })
  phoneCipher!: string | null;

  @Column({ name: 'phone_masked', type: 'text', nullable: true })
  phoneMasked!: string | null;

  @Column({ name: 'id_hash', type: 'text', nullable: true })
  idHash!: string | null;

  @Column({ name: 'id_cipher', type: 'text', nullable: true })
  idCipher!: string | null;

  @Column({ name: 'id_masked', type: 'text', nullable: true })
  idMasked!: string | null;

  /** 'YYYY-MM-DD' (pg returns `date` as text). Known from her ID number after a desk registration. */
  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ name: 'home_lat', type: 'double precision', nullable: true })
  homeLat!: number | null;

  @Column({ name: 'home_lng', type: 'double precision', nullable: true })
  homeLng!: number | null;

  @Column({ name: 'school_lat', type: 'double precision', nullable: true })
  schoolLat!: number | null;

  @Column({ name: 'school_lng', type: 'double precision', nullable: true })
  schoolLng!: number | null;

  /** When she is free to work, normalised (domain normalizeWindows). */
  @Column({ name: 'available_windows', type: 'jsonb', default: () => "'[]'" })
  availableWindows!: WeeklyWindow[];

  @Column({ name: 'desired_hourly', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: NUMERIC_AS_NUMBER })
  desiredHourly!: number | null;

  @Column({ name: 'wanted_types', type: 'text', array: true, default: () => "'{}'" })
  wantedTypes!: string[];

  @Column({ name: 'wanted_modes', type: 'text', array: true, default: () => "'{}'" })
  wantedModes!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills!: string[];

  @Column({ name: 'training_needs', type: 'text', array: true, default: () => "'{}'" })
  trainingNeeds!: string[];

  @Column({ name: 'registered_unemployed_since', type: 'date', nullable: true })
  registeredUnemployedSince!: string | null;

  @Column({ name: 'employment_difficulty', type: 'boolean', default: false })
  employmentDifficulty!: boolean;

  @Column({ name: 'older_in_difficulty', type: 'boolean', default: false })
  olderInDifficulty!: boolean;

  @Column({ name: 'out_of_poverty', type: 'boolean', default: false })
  outOfPoverty!: boolean;

  @Column({ name: 'station_id', type: 'uuid', nullable: true })
  stationId!: string | null;

  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy!: string | null;

  @Column({ name: 'registered_at', type: 'timestamptz', nullable: true })
  registeredAt!: Date | null;

  @Column({ name: 'consent_version', type: 'text', nullable: true })
  consentVersion!: string | null;

  @Column({ name: 'consent_at', type: 'timestamptz', nullable: true })
  consentAt!: Date | null;

  @Column({ name: 'consent_recorded_by', type: 'uuid', nullable: true })
  consentRecordedBy!: string | null;

  @Column({ name: 'hired_at', type: 'timestamptz', nullable: true })
  hiredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Loaded by MothersRepository's find methods; ordered oldest child first. */
  @OneToMany(() => ChildEntity, (child) => child.mother)
  children?: ChildEntity[];
}
