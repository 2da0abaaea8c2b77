import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class DeleteAccountDto {
  @ApiProperty({ example: '确认注销', description: 'Must be exactly 确认注销' })
  @IsString({ message: '请输入“确认注销”' })
  @MaxLength(20, { message: '请输入“确认注销”' })
  confirm!: string;
}

export class AccessLogEntryDto {
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'Display name of the viewer' }) viewerName!: string;
  @ApiProperty({ enum: ['official', 'station_worker', 'employer_member'] }) viewerRole!: string;
  @ApiProperty({ example: '人社/妇联工作人员' }) viewerRoleLabel!: string;
  @ApiProperty({ example: 'followup.plan' }) action!: string;
  @ApiProperty({ example: '查看12333服务计划' }) actionLabel!: string;
  @ApiProperty({ example: 'GET /api/mothers/:id/plan' }) route!: string;
}

export class OfficialAccessLogEntryDto extends AccessLogEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() viewerUserId!: string;
  @ApiProperty({ type: [String], description: 'The mothers whose data was shown' }) subjectMotherIds!: string[];
  @ApiProperty({ nullable: true, type: String }) regionCode!: string | null;
}

export class OfficialAccessLogDto {
  @ApiProperty({ type: [OfficialAccessLogEntryDto] }) items!: OfficialAccessLogEntryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() hasMore!: boolean;
}

export class AccessLogQueryDto {
  @ApiPropertyOptional({ description: 'Only views of this mother (she must be in your region)' })
  @IsOptional()
  @IsUUID('all', { message: 'motherId 格式不正确' })
  motherId?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为整数' })
  @Min(1, { message: '页码从1开始' })
  @Max(1000, { message: '页码过大' })
  page?: number;
}

export class AccountDataDto {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Her phone in full: this response goes only to herself' }) phone!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty() createdAt!: string;
}

export class PersonalDataDto {
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: AccountDataDto }) account!: AccountDataDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Her mother profile: phone in full, ID number masked, children birth year-month, home and school (rounded), hours, wishes, standings, consent',
  })
  profile!: Record<string, unknown> | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'object' } },
    description:
      'Her records, one list per kind: applications, hires, followUpPlan, followUpItems, followUpServices, trainingSignups, trainingAttendance, fairSignups, resume, resumeSuggestions, notifications, consents, surveyAnswers, sharingConsents, sharingAgreements, rightsCases, promiseChecks, subsidyClaims',
  })
  records!: Record<string, unknown[]>;
  @ApiProperty({ type: [AccessLogEntryDto], description: 'Who (officials, station workers) viewed her data, newest first (latest 200)' })
  accessLog!: AccessLogEntryDto[];
  @ApiProperty({ type: [String], description: 'What deleting the account would keep, anonymised, and why' })
  retainedOnDeletion!: string[];
}

export class AccountDeletedDto {
  @ApiProperty() deleted!: true;
  @ApiProperty({ type: [String], description: 'Records kept anonymised, and why' }) kept!: string[];
  @ApiProperty({ description: 'Pending applications withdrawn (their employers were told)' }) applicationsWithdrawn!: number;
}
