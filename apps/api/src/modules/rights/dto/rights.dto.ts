import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PROMISE_TERM_CODES,
  RIGHTS_CASE_KIND_CODES,
  RIGHTS_CASE_STATUS_CODES,
  RIGHTS_CATEGORY_CODES,
  type PromiseAnswer,
  type RightsCaseKind,
  type RightsCaseStatus,
  type RightsCategory,
} from '@mamagang/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const REGION_CODE = /^[1-9]\d{5}$/;
const NOT_BLANK = /\S/;
const PROMISE_ANSWERS = ['kept', 'broken'] as const;

export class RightsHelpQueryDto {
  @ApiPropertyOptional({ example: '371002', description: "Omitted: a mother's own region" })
  @IsOptional()
  @Matches(REGION_CODE, { message: '地区代码为6位数字' })
  regionCode?: string;
}

export class CreateRightsCaseDto {
  @ApiProperty({ enum: RIGHTS_CASE_KIND_CODES })
  @IsIn(RIGHTS_CASE_KIND_CODES, { message: '请选择咨询或投诉' })
  kind!: RightsCaseKind;

  @ApiProperty({ enum: RIGHTS_CATEGORY_CODES })
  @IsIn(RIGHTS_CATEGORY_CODES, { message: '请选择问题类别' })
  category!: RightsCategory;

  @ApiProperty({ maxLength: 1000, example: '说好每天下午4点可以接孩子，现在要求加班到7点' })
  @IsString({ message: '请填写具体情况' })
  @Matches(NOT_BLANK, { message: '请填写具体情况' })
  @MaxLength(1000, { message: '具体情况不超过1000字' })
  text!: string;

  @ApiPropertyOptional({ description: 'The post it is about' })
  @IsOptional()
  @IsUUID('all', { message: '岗位不存在' })
  postId?: string;

  @ApiPropertyOptional({ description: 'The employer it is about (taken from the post when a post is named)' })
  @IsOptional()
  @IsUUID('all', { message: '单位不存在' })
  employerId?: string;
}

export class HandleRightsCaseDto {
  @ApiProperty({ enum: ['in_progress', 'resolved'] })
  @IsIn(['in_progress', 'resolved'], { message: '状态只能是处理中或已办结' })
  status!: Exclude<RightsCaseStatus, 'open'>;

  @ApiProperty({ maxLength: 1000, description: 'Shown to the mother' })
  @IsString({ message: '请填写处理意见' })
  @Matches(NOT_BLANK, { message: '请填写处理意见' })
  @MaxLength(1000, { message: '处理意见不超过1000字' })
  note!: string;
}

export class OfficialRightsCasesQueryDto {
  @ApiPropertyOptional({ enum: RIGHTS_CASE_STATUS_CODES })
  @IsOptional()
  @IsIn(RIGHTS_CASE_STATUS_CODES, { message: '状态不正确' })
  status?: RightsCaseStatus;

  @ApiPropertyOptional({ enum: RIGHTS_CASE_KIND_CODES })
  @IsOptional()
  @IsIn(RIGHTS_CASE_KIND_CODES, { message: '类型不正确' })
  kind?: RightsCaseKind;

  @ApiPropertyOptional({ enum: RIGHTS_CATEGORY_CODES })
  @IsOptional()
  @IsIn(RIGHTS_CATEGORY_CODES, { message: '类别不正确' })
  category?: RightsCategory;

  @ApiPropertyOptional({ example: '371002', description: 'One of her regions or a district of it' })
  @IsOptional()
  @Matches(REGION_CODE, { message: '地区代码为6位数字' })
  regionCode?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为整数' })
  @Min(1, { message: '页码从1开始' })
  @Max(500, { message: '页码过大' })
  page?: number;
}

export class AnswerPromiseCheckDto {
  @ApiProperty({ enum: PROMISE_ANSWERS, description: PROMISE_TERM_CODES.join(', ') })
  @IsIn(PROMISE_ANSWERS, { message: '请回答工作时间是否与承诺一致' })
  hours!: PromiseAnswer;

  @ApiProperty({ enum: PROMISE_ANSWERS })
  @IsIn(PROMISE_ANSWERS, { message: '请回答是否按承诺签订合同' })
  contract!: PromiseAnswer;

  @ApiProperty({ enum: PROMISE_ANSWERS })
  @IsIn(PROMISE_ANSWERS, { message: '请回答是否按承诺缴纳社保' })
  insurance!: PromiseAnswer;

  @ApiProperty({ enum: PROMISE_ANSWERS })
  @IsIn(PROMISE_ANSWERS, { message: '请回答能否按承诺请假' })
  leave!: PromiseAnswer;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '补充说明不超过500字' })
  comment?: string;
}

// --- answers ------------------------------------------------------------------------------

export class LabelledCodeDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
}

export class RightsStationDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() openingHours!: string;
  @ApiProperty({ example: '每周二、四、六上午 律师值班' }) rightsConsultationHours!: string;
}

export class RightsHelpDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty({ type: [LabelledCodeDto] }) categories!: LabelledCodeDto[];
  @ApiProperty({ type: [RightsStationDto] }) stations!: RightsStationDto[];
}

export class RightsCaseNoteDto {
  @ApiProperty({ enum: RIGHTS_CASE_STATUS_CODES }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() note!: string;
  @ApiProperty() createdAt!: string;
}

export class RefDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class RightsCaseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: RIGHTS_CASE_KIND_CODES }) kind!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ enum: RIGHTS_CATEGORY_CODES }) category!: string;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: RIGHTS_CASE_STATUS_CODES }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ nullable: true, type: RefDto, description: '{ id, name: the post title }' }) post!: RefDto | null;
  @ApiProperty({ nullable: true, type: RefDto }) employer!: RefDto | null;
  @ApiProperty({ type: [RightsCaseNoteDto] }) notes!: RightsCaseNoteDto[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CaseMotherDto {
  @ApiProperty({ example: '王*' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: '138****5678' }) phoneMasked!: string | null;
}

export class OfficialRightsCaseDto extends RightsCaseDto {
  @ApiProperty({ type: CaseMotherDto }) mother!: CaseMotherDto;
}

export class OfficialRightsCasePageDto {
  @ApiProperty({ type: [OfficialRightsCaseDto] }) items!: OfficialRightsCaseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
}

export class PromiseAnswersDto {
  @ApiProperty({ enum: PROMISE_ANSWERS }) hours!: string;
  @ApiProperty({ enum: PROMISE_ANSWERS }) contract!: string;
  @ApiProperty({ enum: PROMISE_ANSWERS }) insurance!: string;
  @ApiProperty({ enum: PROMISE_ANSWERS }) leave!: string;
}

export class PromiseQuestionDto {
  @ApiProperty({ enum: PROMISE_TERM_CODES }) term!: string;
  @ApiProperty() label!: string;
  @ApiProperty() question!: string;
}

export class PromiseCheckDto {
  @ApiProperty() id!: string;
  @ApiProperty() hireId!: string;
  @ApiProperty() postTitle!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() dueOn!: string;
  @ApiProperty() askedAt!: string;
  @ApiProperty({ type: [PromiseQuestionDto] }) questions!: PromiseQuestionDto[];
  @ApiProperty({ nullable: true, type: PromiseAnswersDto }) answers!: PromiseAnswersDto | null;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;
}

export class TermCountDto {
  @ApiProperty() kept!: number;
  @ApiProperty() broken!: number;
}

export class PromiseTermCountsDto {
  @ApiProperty({ type: TermCountDto }) hours!: TermCountDto;
  @ApiProperty({ type: TermCountDto }) contract!: TermCountDto;
  @ApiProperty({ type: TermCountDto }) insurance!: TermCountDto;
  @ApiProperty({ type: TermCountDto }) leave!: TermCountDto;
}

export class EmployerPromiseChecksDto {
  @ApiProperty() asked!: number;
  @ApiProperty() answered!: number;
  @ApiProperty({ description: 'Answered checks with every promise kept' }) keptHires!: number;
  @ApiProperty({ description: 'Answered checks with at least one promise broken' }) brokenHires!: number;
  @ApiProperty({ type: PromiseTermCountsDto }) byTerm!: PromiseTermCountsDto;
}

export class EmployerComplaintsDto {
  @ApiProperty() total!: number;
  @ApiProperty() open!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { forced_overtime: 2 } }) byCategory!: Record<string, number>;
}

export class EmployerRecordDto {
  @ApiProperty() employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ description: 'Hires reported by the employer' }) hires!: number;
  @ApiProperty({ type: EmployerPromiseChecksDto }) promiseChecks!: EmployerPromiseChecksDto;
  @ApiProperty({ type: EmployerComplaintsDto }) complaints!: EmployerComplaintsDto;
  @ApiProperty() flagged!: boolean;
  @ApiProperty({ nullable: true, type: String }) flagReason!: string | null;
}
