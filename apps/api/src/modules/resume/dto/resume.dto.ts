import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { RESUME_LIMITS, YEAR_MONTH } from '../resume-content';

const L = RESUME_LIMITS;

export class ResumeExperienceDto {
  @ApiProperty({ example: '威海某超市', maxLength: L.employer })
  @IsString({ message: '单位名称须为文字' })
  @MaxLength(L.employer, { message: `单位名称不超过${L.employer}字` })
  employer!: string;

  @ApiProperty({ example: '收银员', maxLength: L.role })
  @IsString({ message: '岗位须为文字' })
  @MaxLength(L.role, { message: `岗位不超过${L.role}字` })
  role!: string;

  @ApiPropertyOptional({ example: '2019-03', nullable: true, type: String, description: 'YYYY-MM' })
  @IsOptional()
  @Matches(YEAR_MONTH, { message: '开始时间格式为YYYY-MM' })
  from?: string | null;

  @ApiPropertyOptional({ example: '2021-06', nullable: true, type: String, description: 'YYYY-MM; null: until now' })
  @IsOptional()
  @Matches(YEAR_MONTH, { message: '结束时间格式为YYYY-MM' })
  to?: string | null;

  @ApiProperty({ type: [String], example: ['负责收银和对账'], maxItems: L.duties })
  @IsArray()
  @ArrayMaxSize(L.duties, { message: `每段经历最多${L.duties}条职责` })
  @IsString({ each: true, message: '职责须为文字' })
  @MaxLength(L.duty, { each: true, message: `每条职责不超过${L.duty}字` })
  duties!: string[];
}

/** What she writes; every field is required so a save replaces the whole resume. */
export class ResumeInputDto {
  @ApiProperty({ type: [ResumeExperienceDto], maxItems: L.experiences })
  @IsArray()
  @ArrayMaxSize(L.experiences, { message: `最多填写${L.experiences}段工作经历` })
  @IsObject({ each: true, message: '每一项都应为对象' })
  @ValidateNested({ each: true })
  @Type(() => ResumeExperienceDto)
  experiences!: ResumeExperienceDto[];

  @ApiProperty({ type: [String], example: ['收银', '客服'], maxItems: L.skills })
  @IsArray()
  @ArrayMaxSize(L.skills, { message: `最多填写${L.skills}项技能` })
  @IsString({ each: true, message: '技能须为文字' })
  @MaxLength(L.skill, { each: true, message: `每项技能不超过${L.skill}字` })
  skills!: string[];

  @ApiProperty({ type: [String], example: ['育婴员（五级）'], maxItems: L.certificates })
  @IsArray()
  @ArrayMaxSize(L.certificates, { message: `最多填写${L.certificates}个证书` })
  @IsString({ each: true, message: '证书须为文字' })
  @MaxLength(L.certificate, { each: true, message: `每个证书不超过${L.certificate}字` })
  certificates!: string[];

  @ApiProperty({ example: '离家近的收银或客服工作', maxLength: L.preferredWork })
  @IsString()
  @MaxLength(L.preferredWork, { message: `期望工作不超过${L.preferredWork}字` })
  preferredWork!: string;

  @ApiProperty({ maxLength: L.selfIntro })
  @IsString()
  @MaxLength(L.selfIntro, { message: `自我介绍不超过${L.selfIntro}字` })
  selfIntro!: string;

  @ApiPropertyOptional({ type: [String], maxItems: L.highlights })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.highlights, { message: `亮点最多${L.highlights}条` })
  @IsString({ each: true })
  @MaxLength(L.highlight, { each: true, message: `每条亮点不超过${L.highlight}字` })
  highlights?: string[];
}

export class ResumeExperienceViewDto {
  @ApiProperty() employer!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
  @ApiProperty({ type: [String] }) duties!: string[];
}

export class ResumeContentDto {
  @ApiProperty({ type: [ResumeExperienceViewDto] }) experiences!: ResumeExperienceViewDto[];
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: [String] }) certificates!: string[];
  @ApiProperty() preferredWork!: string;
  @ApiProperty() selfIntro!: string;
  @ApiProperty({ type: [String] }) highlights!: string[];
}

export class ResumeDto extends ResumeContentDto {
  @ApiProperty({ nullable: true, type: String, description: 'null until she first saves' }) updatedAt!: string | null;
}

export class SuggestionDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['deepseek', 'local'] }) source!: string;
  @ApiProperty({ example: '本地规则优化' }) sourceLabel!: string;
  @ApiProperty({ nullable: true, type: String, example: 'AI服务超时，已使用本地优化' }) note!: string | null;
  @ApiProperty({ type: ResumeContentDto }) original!: ResumeContentDto;
  @ApiProperty({ type: ResumeContentDto }) suggested!: ResumeContentDto;
  @ApiProperty({ enum: ['pending', 'accepted', 'rejected'] }) status!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
}
