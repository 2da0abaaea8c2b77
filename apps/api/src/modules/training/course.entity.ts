import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '../posts/post.entity';

export type CourseProviderKind = 'station' | 'official' | 'employer';
export type CourseStatus = 'open' | 'cancelled';

/**
 * A training course (table `courses`), published by a station, an official on behalf of a
 * training provider, or an approved employer for its own training. `seatsTaken` counts active
 * sign-ups and never exceeds `seats` (guarded UPDATE and a CHECK).
 */
@Entity({ name: 'courses' })
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'region_code', type: 'text' }) regionCode!: string;
  @Column({ name: 'provider_kind', type: 'text' }) providerKind!: CourseProviderKind;
  @Column({ name: 'station_id', type: 'uuid', nullable: true }) stationId!: string | null;
  @Column({ name: 'employer_id', type: 'uuid', nullable: true }) employerId!: string | null;
  @Column({ name: 'provider_name', type: 'text' }) providerName!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) skill!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ type: 'boolean', default: false }) online!: boolean;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'double precision', nullable: true }) lat!: number | null;
  @Column({ type: 'double precision', nullable: true }) lng!: number | null;
  @Column({ name: 'has_child_room', type: 'boolean', default: false }) hasChildRoom!: boolean;
  @Column({ type: 'integer' }) seats!: number;
  @Column({ name: 'seats_taken', type: 'integer', default: 0 }) seatsTaken!: number;
  @Column({ type: 'boolean', default: false }) subsidised!: boolean;
  @Column({ type: 'numeric', precision: 10, scale: 2, default: 0, transformer: numericColumn }) fee!: number;
  @Column({ name: 'total_minutes', type: 'integer' }) totalMinutes!: number;
  @Column({ name: 'first_starts_at', type: 'timestamptz' }) firstStartsAt!: Date;
  @Column({ name: 'last_ends_at', type: 'timestamptz' }) lastEndsAt!: Date;
  @Column({ type: 'text', default: 'open' }) status!: CourseStatus;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One class of a course (table `course_sessions`). */
@Entity({ name: 'course_sessions' })
export class CourseSessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId!: string;
  @Column({ type: 'smallint' }) seq!: number;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
}

export type SignupStatus = 'active' | 'cancelled';

/** A mother's place on a course (table `course_signups`): one row per course and mother, cancelled and reactivated in place. */
@Entity({ name: 'course_signups' })
export class CourseSignupEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId!: string;
  @Column({ name: 'mother_id', type: 'uuid' }) motherId!: string;
  @Column({ type: 'text', default: 'active' }) status!: SignupStatus;
  @Column({ name: 'signed_up_at', type: 'timestamptz' }) signedUpAt!: Date;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Whether she was there (table `course_attendance`), recorded by the provider, a station worker or an official. */
@Entity({ name: 'course_attendance' })
export class CourseAttendanceEntity {
  @Column({ name: 'session_id', type: 'uuid', primary: true }) sessionId!: string;
  @Column({ name: 'mother_id', type: 'uuid', primary: true }) motherId!: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId!: string;
  @Column({ type: 'boolean' }) present!: boolean;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
