import {
  COURSE_LIMITS,
  SESSION_SLOT_LABELS,
  TRAINING_SKILL_CODES,
  TRAINING_SKILL_LABELS,
  classHoursFromMinutes,
  courseSlots,
  isoWeekday,
  sessionSlot,
  type SessionSlot,
  type TrainingSkill,
} from '@mamagang/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { CourseProviderKind, CourseStatus, SignupStatus } from '../course.entity';
import type { CourseRow, SessionRow, SignupRow } from '../training.repository';
import { IsDecimalNumber } from '../../../common/validation/decimal-number';
import { IsInstant } from '../../../common/validation/instant';
import { queryBoolean } from '../../../common/validation/query-boolean';

const NOT_BLANK = /\S/;
export const PROVIDER_KINDS: readonly CourseProviderKind[] = ['station', 'official', 'employer'];
export const PROVIDER_KIND_LABELS: Record<CourseProviderKind, string> = { station: '驿站', official: '人社/妇联', employer: '用人单位' };
export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = { open: '报名中', cancelled: '已取消' };
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = { active: '已报名', cancelled: '已取消' };

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export class LatLngInDto {
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '纬度应为数字' }) @Min(-90) @Max(90) lat!: number;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '经度应为数字' }) @Min(-180) @Max(180) lng!: number;
}

export class SessionInputDto {
  @ApiProperty({ example: '2026-12-01T19:00:00+08:00' })
  @IsInstant({ message: '上课开始时间格式不正确' })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-01T21:00:00+08:00' })
  @IsInstant({ message: '上课结束时间格式不正确' })
  endsAt!: string;
}

/**
 * POST /training/courses. Who publishes decides the provider: a station worker for her station
 * (`providerKind: station`, `stationId`), an official for a training provider of her region
 * (`official`, `regionCode`, `providerName`), a member of an approved employer for its own
 * training (`employer`, `employerId`).
 */
export class CreateCourseDto {
  @ApiProperty({ enum: PROVIDER_KINDS })
  @IsIn(PROVIDER_KINDS, { message: '请选择开课方' })
  providerKind!: CourseProviderKind;

  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '驿站不正确' }) stationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '单位不正确' }) employerId?: string;

  @ApiPropertyOptional({ example: '371002' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;

  @ApiPropertyOptional({ example: '威海市职业技能培训中心', description: 'The training provider, for a course an official publishes' })
  @IsOptional()
  @IsString()
  @Length(2, 100, { message: '培训机构名称应为2-100个字' })
  providerName?: string;

  @ApiProperty({ example: '育婴员（夜校班）' })
  @IsString()
  @Length(2, 60, { message: '课程名称应为2-60个字' })
  @Matches(NOT_BLANK, { message: '请填写课程名称' })
  title!: string;

  @ApiProperty({ enum: TRAINING_SKILL_CODES })
  @IsIn(TRAINING_SKILL_CODES, { message: '请选择培训技能' })
  skill!: TrainingSkill;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '课程介绍不超过2000个字' })
  description?: string;

  @ApiProperty({ description: 'Online (no place needed) or on site' })
  @IsBoolean({ message: '请选择是否线上授课' })
  online!: boolean;

  @ApiPropertyOptional({ example: '环翠区某某社区妈妈岗驿站二楼' })
  @IsOptional()
  @IsString()
  @Length(2, 200, { message: '上课地点应为2-200个字' })
  address?: string;

  @ApiPropertyOptional({ type: LatLngInDto })
  @IsOptional()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => LatLngInDto)
  location?: LatLngInDto;

  @ApiProperty({ description: '儿童托管室' })
  @IsBoolean({ message: '请选择是否有儿童托管室' })
  hasChildRoom!: boolean;

  @ApiProperty({ example: 30 })
  @IsInt({ message: '名额应为整数' })
  @Min(1, { message: '名额至少为1' })
  @Max(COURSE_LIMITS.maxSeats, { message: `名额不超过${COURSE_LIMITS.maxSeats}` })
  seats!: number;

  @ApiProperty({ description: 'Subsidised (free or reduced for mothers)' })
  @IsBoolean({ message: '请选择是否为补贴性培训' })
  subsidised!: boolean;

  @ApiPropertyOptional({ example: 0, description: 'What a mother pays, yuan' })
  @IsOptional()
  @IsDecimalNumber(2, { message: '费用应为数字' })
  @Min(0)
  @Max(100_000)
  fee?: number;

  @ApiProperty({ type: [SessionInputDto] })
  @IsDefined({ message: '请安排上课时间' })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少安排一次课' })
  @ArrayMaxSize(COURSE_LIMITS.maxSessions, { message: `一门课程最多安排${COURSE_LIMITS.maxSessions}次课` })
  @IsObject({ each: true, message: '每一项都应为对象' })
  @ValidateNested({ each: true })
  @Type(() => SessionInputDto)
  sessions!: SessionInputDto[];
}

export class CourseQueryDto {
  @ApiPropertyOptional({ example: '371000', description: 'A city covers its districts' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: TRAINING_SKILL_CODES })
  @IsOptional()
  @IsIn(TRAINING_SKILL_CODES, { message: '培训技能不正确' })
  skill?: TrainingSkill;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'online 应为 true 或 false' })
  online?: boolean;

  @ApiPropertyOptional({ description: 'Courses of one employer' })
  @IsOptional()
  @IsUUID('all', { message: '单位不正确' })
  employerId?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为整数' })
  @Min(1, { message: '页码从1开始' })
  @Max(500, { message: '页码过大' })
  page?: number;
}

export class AttendanceRecordDto {
  @ApiProperty() @IsUUID('all', { message: '学员不正确' }) motherId!: string;
  @ApiProperty() @IsBoolean({ message: '请选择是否到课' }) present!: boolean;
}

export class RecordAttendanceDto {
  @ApiProperty({ type: [AttendanceRecordDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少记录一名学员' })
  @ArrayMaxSize(COURSE_LIMITS.maxSeats, { message: `一次最多记录${COURSE_LIMITS.maxSeats}名学员` })
  @IsObject({ each: true, message: '每一项都应为对象' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceRecordDto)
  records!: AttendanceRecordDto[];
}

export class CancelCourseDto {
  @ApiProperty({ example: '授课老师临时有事，课程改期' })
  @IsString()
  @Length(2, 200, { message: '请填写2-200字的取消原因' })
  @Matches(NOT_BLANK, { message: '请填写取消原因' })
  reason!: string;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class CourseProviderDto {
  @ApiProperty({ enum: PROVIDER_KINDS }) kind!: CourseProviderKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) stationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) employerId!: string | null;
}

export class SessionDto {
  @ApiProperty() id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ example: '2026-12-01' }) date!: string;
  @ApiProperty({ example: '周二 19:00-21:00' }) text!: string;
  @ApiProperty({ enum: Object.keys(SESSION_SLOT_LABELS) }) slot!: SessionSlot;
  @ApiProperty({ example: '夜校' }) slotLabel!: string;
}

export class MySignupDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['active', 'cancelled'] }) status!: SignupStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() signedUpAt!: string;
}

export class LatLngOutDto {
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
}

export class CourseDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: TRAINING_SKILL_CODES }) skill!: string;
  @ApiProperty() skillLabel!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: CourseProviderDto }) provider!: CourseProviderDto;
  @ApiProperty() regionCode!: string;
  @ApiProperty() online!: boolean;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: LatLngOutDto }) location!: LatLngOutDto | null;
  @ApiProperty({ description: '儿童托管室' }) hasChildRoom!: boolean;
  @ApiProperty() seats!: number;
  @ApiProperty() seatsTaken!: number;
  @ApiProperty() seatsLeft!: number;
  @ApiProperty() subsidised!: boolean;
  @ApiProperty() fee!: number;
  @ApiProperty({ description: 'Class hours of the whole course (45 minutes each)' }) classHours!: number;
  @ApiProperty({ type: [String], example: ['夜校', '周末班'] }) slotLabels!: string[];
  @ApiProperty({ type: [SessionDto] }) sessions!: SessionDto[];
  @ApiProperty() firstStartsAt!: string;
  @ApiProperty() lastEndsAt!: string;
  @ApiProperty({ enum: ['open', 'cancelled'] }) status!: CourseStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty({ description: 'A mother may sign up now' }) signupOpen!: boolean;
  @ApiProperty({ type: MySignupDto, nullable: true, description: 'The caller’s own sign-up, for a mother' }) mySignup!: MySignupDto | null;
  @ApiProperty() createdAt!: string;
}

export class CoursePageDto {
  @ApiProperty({ type: [CourseDto] }) items!: CourseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
}

export class SignupDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['active', 'cancelled'] }) status!: SignupStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() signedUpAt!: string;
  @ApiProperty({ nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty() sessionsAttended!: number;
  @ApiProperty({ description: 'Completed class hours she attended' }) classHours!: number;
  @ApiProperty({ type: CourseDto }) course!: CourseDto;
}

export class RosterEntryDto {
  @ApiProperty() signupId!: string;
  @ApiProperty() motherId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) phoneMasked!: string | null;
  @ApiProperty({ enum: ['active', 'cancelled'] }) status!: SignupStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() signedUpAt!: string;
  @ApiProperty() sessionsAttended!: number;
  @ApiProperty() classHours!: number;
}

export class RosterDto {
  @ApiProperty({ type: CourseDto }) course!: CourseDto;
  @ApiProperty({ type: [RosterEntryDto] }) signups!: RosterEntryDto[];
}

export class SessionAttendanceDto {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ type: [AttendanceRecordDto] }) records!: AttendanceRecordDto[];
  @ApiProperty() present!: number;
  @ApiProperty() absent!: number;
}

// ---------------------------------------------------------------------------------------------
// Mapping
// ---------------------------------------------------------------------------------------------

const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-time date, minute of the day and HH:MM of an instant. */
export function chinaTime(at: Date): { date: string; minute: number; hhmm: string } {
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString();
  const hhmm = shifted.slice(11, 16);
  return { date: shifted.slice(0, 10), minute: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), hhmm };
}

export function toSessionDto(s: SessionRow): SessionDto {
  const start = chinaTime(s.startsAt);
  const end = chinaTime(s.endsAt);
  const slot = sessionSlot(start.date, start.minute);
  return {
    id: s.id,
    seq: s.seq,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    date: start.date,
    text: `${start.date} ${WEEKDAYS[isoWeekday(start.date)]} ${start.hhmm}-${end.hhmm}`,
    slot,
    slotLabel: SESSION_SLOT_LABELS[slot],
  };
}

export function toCourseDto(c: CourseRow, sessions: readonly SessionRow[], mine: SignupRow | null, now: Date): CourseDto {
  const slots = courseSlots(sessions.map((s) => ({ date: chinaTime(s.startsAt).date, startMinute: chinaTime(s.startsAt).minute, endMinute: 0 })));
  return {
    id: c.id,
    title: c.title,
    skill: c.skill,
    skillLabel: TRAINING_SKILL_LABELS[c.skill as TrainingSkill] ?? c.skill,
    description: c.description,
    provider: { kind: c.providerKind, kindLabel: PROVIDER_KIND_LABELS[c.providerKind], name: c.providerName, stationId: c.stationId, employerId: c.employerId },
    regionCode: c.regionCode,
    online: c.online,
    address: c.address,
    location: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null,
    hasChildRoom: c.hasChildRoom,
    seats: c.seats,
    seatsTaken: c.seatsTaken,
    seatsLeft: Math.max(0, c.seats - c.seatsTaken),
    subsidised: c.subsidised,
    fee: c.fee,
    classHours: classHoursFromMinutes(c.totalMinutes),
    slotLabels: slots.map((s) => SESSION_SLOT_LABELS[s]),
    sessions: sessions.map(toSessionDto),
    firstStartsAt: c.firstStartsAt.toISOString(),
    lastEndsAt: c.lastEndsAt.toISOString(),
    status: c.status,
    statusLabel: COURSE_STATUS_LABELS[c.status],
    cancelReason: c.cancelReason,
    signupOpen: c.status === 'open' && c.firstStartsAt > now && c.seatsTaken < c.seats,
    mySignup: mine ? { id: mine.id, status: mine.status, statusLabel: SIGNUP_STATUS_LABELS[mine.status], signedUpAt: mine.signedUpAt.toISOString() } : null,
    createdAt: c.createdAt.toISOString(),
  };
}
