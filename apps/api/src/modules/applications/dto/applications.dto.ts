import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPLICATION_STATUS_CODES,
  CHILDCARE_STAGE_CODES,
  CONTRACT_FORM_CODES,
  CONTRACT_MONTHS_MAX,
  REJECT_REASON_MAX_LENGTH,
  type ApplicationStatus,
  type ContractForm,
} from '@mamagang/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { APPLICATION_SOURCES, type ApplicationSource } from '../applications.service';

// ----------------------------------------------------------------------------- requests

export class ApplyDto {
  @ApiPropertyOptional({ enum: APPLICATION_SOURCES, description: 'Where she found the post (default search)' })
  @IsOptional()
  @IsIn(APPLICATION_SOURCES, { message: '来源不正确' })
  source?: ApplicationSource;

  @ApiPropertyOptional({ format: 'uuid', description: "With source 'fair': the fair she applied from (the post must be one of its posts)" })
  @IsOptional()
  @IsUUID('all', { message: '招聘会编号不正确' })
  fairId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "With source 'livestream': the livestream she applied from (the post must be shown beside it)" })
  @IsOptional()
  @IsUUID('all', { message: '直播编号不正确' })
  livestreamId?: string;
}

export class EmployerApplicationsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '岗位编号不正确' })
  postId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUS_CODES })
  @IsOptional()
  @IsIn(APPLICATION_STATUS_CODES, { message: '申请状态不正确' })
  status?: ApplicationStatus;
}

export class RejectDto {
  @ApiProperty({ maxLength: REJECT_REASON_MAX_LENGTH, example: '岗位时间与您方便的时间不重合' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: '请填写婉拒原因' })
  @IsNotEmpty({ message: '请填写婉拒原因' })
  @MaxLength(REJECT_REASON_MAX_LENGTH, { message: `婉拒原因不超过${REJECT_REASON_MAX_LENGTH}个字` })
  reason!: string;
}

export class HireDto {
  @ApiProperty({ example: '2026-12-01', description: 'Not more than a year before or after today' })
  @IsString({ message: '请填写入职日期' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '入职日期格式应为 年-月-日，如 2026-12-01' })
  startDate!: string;

  @ApiProperty({ enum: CONTRACT_FORM_CODES })
  @IsIn(CONTRACT_FORM_CODES, { message: '请选择合同形式' })
  contractForm!: ContractForm;

  @ApiProperty({ minimum: 0, maximum: CONTRACT_MONTHS_MAX })
  @IsInt({ message: '合同期限须为整数个月' })
  @Min(0, { message: '合同期限不能为负' })
  @Max(CONTRACT_MONTHS_MAX, { message: `合同期限不超过${CONTRACT_MONTHS_MAX}个月` })
  contractMonths!: number;

  @ApiProperty()
  @IsBoolean({ message: '请选择是否缴纳社会保险' })
  socialInsurance!: boolean;
}

// ----------------------------------------------------------------------------- answers

export class ApplicationPostSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() type!: string;
  @ApiProperty() typeLabel!: string;
  @ApiProperty({ enum: ['open', 'filled', 'expired', 'taken_down'] }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() openPlaces!: number;
  @ApiProperty({ example: '20-25元/小时' }) hourlyText!: string;
}

export class ApplicationDto {
  @ApiProperty() id!: string;
  @ApiProperty() postId!: string;
  @ApiProperty({ enum: APPLICATION_STATUS_CODES }) status!: ApplicationStatus;
  @ApiProperty({ example: '已投递' }) statusLabel!: string;
  @ApiProperty({ enum: APPLICATION_SOURCES }) source!: string;
  @ApiProperty({ type: String, nullable: true }) rejectReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: ApplicationPostSummaryDto }) post!: ApplicationPostSummaryDto;
}

export class ChildStageDto {
  @ApiProperty({ enum: CHILDCARE_STAGE_CODES, nullable: true }) stage!: string | null;
  @ApiProperty({ example: '弹性兼顾型' }) stageLabel!: string;
}

export class ScheduleFitDto {
  @ApiProperty({ type: Number, nullable: true, description: "Share of the post's hours inside her free time, 0..1" }) fit!: number | null;
  @ApiProperty() text!: string;
}

export class ApplicantDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '王*', description: 'Masked' }) name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Masked (138****1111) until the application is accepted' }) phone!: string | null;
  @ApiProperty() phoneRevealed!: boolean;
  @ApiProperty({ enum: CHILDCARE_STAGE_CODES, nullable: true, description: "Her youngest child's stage" }) stage!: string | null;
  @ApiProperty() stageLabel!: string;
  @ApiProperty({ type: [ChildStageDto], description: 'Stages only, never birth dates' }) children!: ChildStageDto[];
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: ScheduleFitDto }) scheduleFit!: ScheduleFitDto;
}

export class EmployerApplicationDto {
  @ApiProperty() id!: string;
  @ApiProperty() postId!: string;
  @ApiProperty() postTitle!: string;
  @ApiProperty({ enum: APPLICATION_STATUS_CODES }) status!: ApplicationStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ type: String, nullable: true }) rejectReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: ApplicantDto }) mother!: ApplicantDto;
}

export class HiredMotherDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '王*' }) name!: string;
}

export class HireResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() applicationId!: string;
  @ApiProperty() postId!: string;
  @ApiProperty() postTitle!: string;
  @ApiProperty({ type: HiredMotherDto }) mother!: HiredMotherDto;
  @ApiProperty({ example: '2026-12-01' }) startDate!: string;
  @ApiProperty({ enum: CONTRACT_FORM_CODES }) contractForm!: string;
  @ApiProperty({ example: '劳动合同' }) contractLabel!: string;
  @ApiProperty() contractMonths!: number;
  @ApiProperty() socialInsurance!: boolean;
  @ApiProperty() reportedAt!: string;
}
