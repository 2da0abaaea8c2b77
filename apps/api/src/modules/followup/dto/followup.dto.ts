import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { FOLLOW_UP_KIND_CODES, type FollowUpKind } from '@mamagang/domain';
import { IsInstant } from '../../../common/validation/instant';

export const SERVICE_CHANNELS = ['in_person', 'phone', 'wechat'] as const;
export type ServiceChannel = (typeof SERVICE_CHANNELS)[number];
export const SERVICE_CHANNEL_LABELS: Record<ServiceChannel, string> = { in_person: '现场', phone: '电话', wechat: '微信' };

export class RecordServiceDto {
  @ApiProperty({ enum: FOLLOW_UP_KIND_CODES })
  @IsIn(FOLLOW_UP_KIND_CODES, { message: '服务类型不正确' })
  kind!: FollowUpKind;

  @ApiProperty({ example: '2026-11-20T10:00:00+08:00' })
  @IsInstant({ message: '服务时间格式不正确' })
  servedAt!: string;

  @ApiProperty({ enum: SERVICE_CHANNELS })
  @IsIn(SERVICE_CHANNELS, { message: '服务方式应为现场、电话或微信' })
  channel!: ServiceChannel;

  @ApiProperty({ example: '讲解了灵活就业社保补贴的申请条件' })
  @IsString()
  @Length(1, 2000, { message: '服务内容为1-2000个字' })
  content!: string;

  @ApiProperty({ example: '她打算下周去面试' })
  @IsString()
  @MaxLength(1000)
  outcome!: string;

  @ApiPropertyOptional({ type: [String], description: 'job_recommendation: the posts recommended (open posts)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: '岗位编号不正确' })
  postIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'training_notice: open courses of her city (or online) to name in the record and in her notice; free text in `content` when none fits',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: '课程编号不正确' })
  courseIds?: string[];
}

export class HiredElsewhereDto {
  @ApiProperty({ example: '2026-12-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '就业日期格式应为YYYY-MM-DD' })
  hiredOn!: string;

  @ApiProperty({ example: '威海某服装厂' })
  @IsString()
  @Length(1, 100, { message: '单位名称为1-100个字' })
  employerName!: string;

  @ApiPropertyOptional({ description: 'She asks to keep receiving job recommendations' })
  @IsOptional()
  @IsBoolean()
  continueRecommendations?: boolean;
}

export class WorklistQueryDto {
  @ApiPropertyOptional({ enum: ['me', 'station', 'region'], default: 'station' })
  @IsOptional()
  @IsIn(['me', 'station', 'region'], { message: 'scope 应为 me、station 或 region' })
  scope?: 'me' | 'station' | 'region';

  @ApiPropertyOptional({ enum: ['due', 'overdue', 'done'], default: 'due' })
  @IsOptional()
  @IsIn(['due', 'overdue', 'done'], { message: 'status 应为 due、overdue 或 done' })
  status?: 'due' | 'overdue' | 'done';

  @ApiPropertyOptional({ description: "scope=station: which station (an official must say; a worker defaults to hers)" })
  @IsOptional()
  @IsUUID('all')
  stationId?: string;

  @ApiPropertyOptional({ description: 'scope=region: a region inside the caller’s' })
  @IsOptional()
  @Matches(/^[1-9]\d{5}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page?: number;
}

export class LedgerQueryDto {
  @ApiProperty({ example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为YYYY-MM' })
  month!: string;
}

export class PostRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() employerName!: string;
}

export class CourseRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty({ description: 'First session, ISO time' }) firstStartsAt!: string;
  @ApiProperty() subsidised!: boolean;
}

export class ServiceRecordDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: FOLLOW_UP_KIND_CODES }) kind!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The plan item it fulfils; null for services beyond the quota' }) itemId!: string | null;
  @ApiProperty() servedAt!: string;
  @ApiProperty() servedOn!: string;
  @ApiProperty({ enum: SERVICE_CHANNELS }) channel!: string;
  @ApiProperty() channelLabel!: string;
  @ApiProperty() content!: string;
  @ApiProperty() outcome!: string;
  @ApiProperty({ type: [PostRefDto] }) posts!: PostRefDto[];
  @ApiPropertyOptional({ type: [String], description: 'policy_consultation: what she qualified for that day' }) policies?: string[];
  @ApiProperty({ type: [CourseRefDto], description: 'training_notice: the courses named' }) courses!: CourseRefDto[];
  @ApiProperty({ nullable: true, type: String }) recordedBy!: string | null;
}

export class PlanItemDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: FOLLOW_UP_KIND_CODES }) kind!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() dueOn!: string;
  @ApiProperty({ enum: ['done', 'due', 'overdue', 'upcoming', 'stopped'] }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiPropertyOptional() servedOn?: string;
  @ApiPropertyOptional() stoppedOn?: string;
  @ApiProperty({ description: 'negative when overdue' }) daysToDue!: number;
}

export class KindCountDto {
  @ApiProperty() required!: number;
  @ApiProperty() done!: number;
  @ApiProperty() label!: string;
}

export class PlanHireDto {
  @ApiProperty() hiredOn!: string;
  @ApiProperty({ enum: ['reported', 'elsewhere'] }) source!: string;
  @ApiProperty({ nullable: true, type: String }) employerName!: string | null;
  @ApiProperty({ nullable: true, type: Number }) daysToEmployment!: number | null;
}

export class PlanDto {
  @ApiProperty() motherId!: string;
  @ApiProperty() registeredOn!: string;
  @ApiProperty({ description: 'Last day of the service year' }) deadline!: string;
  @ApiProperty({ type: [PlanItemDto] }) items!: PlanItemDto[];
  @ApiProperty({ type: Object, description: 'per kind: { required, done, label }' }) counts!: Record<string, KindCountDto>;
  @ApiProperty({ description: 'done items over items still owed, 0..1' }) completionRate!: number;
  @ApiProperty() dueCount!: number;
  @ApiProperty() overdueCount!: number;
  @ApiProperty({ nullable: true, type: PlanHireDto }) hired!: PlanHireDto | null;
  @ApiProperty() continueRecommendations!: boolean;
  @ApiProperty({ type: [ServiceRecordDto], description: 'Her history, newest first' }) services!: ServiceRecordDto[];
}

export class RecommendationDto {
  @ApiProperty({ type: PostRefDto }) post!: PostRefDto;
  @ApiProperty({ nullable: true, type: Number }) distanceKm!: number | null;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [String] }) reasons!: string[];
}

export class PolicyItemDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiProperty() basis!: string;
  @ApiProperty() applies!: boolean;
  @ApiProperty() potentialTotal!: number;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: [String] }) missing!: string[];
}

export class PolicyConsultationDto {
  @ApiProperty({ nullable: true, type: String, description: 'The document in force in her region today' }) policy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The policy version (regional policy data kept by officials) the listing was read from' })
  policyVersionId!: string | null;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: [String] }) eligibilityReasons!: string[];
  @ApiProperty() publicWelfareEligible!: boolean;
  @ApiProperty({ type: [PolicyItemDto] }) items!: PolicyItemDto[];
}

export class WorklistMotherDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '王*' }) nameMasked!: string;
  @ApiProperty({ nullable: true, type: String }) phoneMasked!: string | null;
}

export class WorklistItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() dueOn!: string;
  @ApiProperty({ enum: ['due', 'overdue', 'done'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) servedOn!: string | null;
  @ApiProperty() daysToDue!: number;
}

export class WorklistEntryDto {
  @ApiProperty({ type: WorklistMotherDto }) mother!: WorklistMotherDto;
  @ApiProperty({ type: WorklistItemDto }) item!: WorklistItemDto;
}

export class WorklistCountsDto {
  @ApiProperty() due!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() done!: number;
}

export class WorklistDto {
  @ApiProperty({ type: [WorklistEntryDto] }) items!: WorklistEntryDto[];
  @ApiProperty({ type: WorklistCountsDto }) counts!: WorklistCountsDto;
  @ApiProperty() page!: number;
  @ApiProperty() hasMore!: boolean;
}

export class QuotaCompletionDto {
  @ApiProperty() kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'per mother: 2, 3, 3, 3' }) quota!: number;
  @ApiProperty() done!: number;
  @ApiProperty({ description: 'items owed (stopped ones excluded)' }) owed!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ description: 'done / owed, 0..1' }) rate!: number;
}

export class CompletionDto {
  @ApiProperty() stationId!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty() mothers!: number;
  @ApiProperty({ description: 'mothers whose owed items are all done' }) mothersComplete!: number;
  @ApiProperty({ description: 'mothers whose service year has ended' }) yearEnded!: number;
  @ApiProperty({ description: 'of those, the ones who received the full 2/3/3/3' }) yearEndedComplete!: number;
  @ApiProperty({ type: [QuotaCompletionDto] }) quotas!: QuotaCompletionDto[];
  @ApiProperty() rate!: number;
}
