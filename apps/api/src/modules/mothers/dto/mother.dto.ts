import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { POST_TYPE_CODES, WORKING_MODE_CODES } from '@mamagang/domain';
import { IsDecimalNumber } from '../../../common/validation/decimal-number';
import { WeeklyWindowDto } from '../../../common/validation/weekly-window.dto';

export class GeoPointDto {
  @ApiProperty({ example: 37.513, minimum: -90, maximum: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '纬度应为数字' })
  @Min(-90, { message: '纬度应在-90到90之间' })
  @Max(90, { message: '纬度应在-90到90之间' })
  lat!: number;

  @ApiProperty({ example: 122.12, minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '经度应为数字' })
  @Min(-180, { message: '经度应在-180到180之间' })
  @Max(180, { message: '经度应在-180到180之间' })
  lng!: number;
}

export class ChildBirthDto {
  @ApiProperty({ example: 2019, minimum: 1990, maximum: 2100 })
  @IsInt({ message: '出生年份应为整数' })
  @Min(1990, { message: '出生年份不正确' })
  @Max(2100, { message: '出生年份不正确' })
  birthYear!: number;

  @ApiProperty({ example: 9, minimum: 1, maximum: 12 })
  @IsInt({ message: '出生月份应为整数' })
  @Min(1, { message: '出生月份应为1到12' })
  @Max(12, { message: '出生月份应为1到12' })
  birthMonth!: number;
}

/** The privacy notice version she agreed to, the first time she saves her profile. */
export class SelfConsentDto {
  @ApiProperty({ example: 'sensitive-v1' })
  @IsString({ message: '告知书版本应为文字' })
  @MaxLength(40)
  noticeVersion!: string;
}

/**
 * Her own profile. PUT replaces what she states: an optional field left out is cleared, except
 * `name`, which keeps the name on record (a station may have recorded her real name). Fields a
 * station records at the desk (ID number, phone, birth date, standings, consent) are not here.
 */
export class PutMotherProfileDto {
  @ApiPropertyOptional({ example: '王丽', maxLength: 30 })
  @IsOptional()
  @IsString()
  @MaxLength(30, { message: '姓名最多30个字' })
  name?: string;

  @ApiProperty({ example: '371002', description: 'Her district or city (GB/T 2260)' })
  @IsString()
  @Matches(/^\d{6}$/, { message: '地区代码应为6位数字' })
  regionCode!: string;

  @ApiProperty({ type: [ChildBirthDto], description: 'Birth year and month only; at least one child under 12 to be eligible' })
  @IsArray()
  @ArrayMaxSize(10, { message: '最多填写10个孩子' })
  @IsObject({ each: true, message: '每一项都应为对象' })
  @ValidateNested({ each: true })
  @Type(() => ChildBirthDto)
  children!: ChildBirthDto[];

  @ApiPropertyOptional({ type: GeoPointDto, description: 'Stored rounded to 3 decimals (about 100 m)' })
  @IsOptional()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => GeoPointDto)
  home?: GeoPointDto;

  @ApiPropertyOptional({ type: GeoPointDto, description: "Her child's school or nursery; stored rounded to 3 decimals" })
  @IsOptional()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => GeoPointDto)
  school?: GeoPointDto;

  @ApiProperty({ type: [WeeklyWindowDto], description: 'When she is free to work; [] when she has not said' })
  @IsArray()
  @ArrayMaxSize(28, { message: '时间段最多28个' })
  @IsObject({ each: true, message: '每一项都应为对象' })
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  availableWindows!: WeeklyWindowDto[];

  @ApiPropertyOptional({ example: 25, description: 'Yuan per hour' })
  @IsOptional()
  @IsDecimalNumber(2, { message: '期望时薪应为数字（最多两位小数）' })
  @Min(1, { message: '期望时薪应大于0' })
  @Max(1000, { message: '期望时薪不超过1000元' })
  desiredHourly?: number;

  @ApiPropertyOptional({ type: [String], enum: POST_TYPE_CODES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(POST_TYPE_CODES.length)
  @IsIn(POST_TYPE_CODES, { each: true, message: '岗位类型不正确' })
  wantedTypes?: string[];

  @ApiPropertyOptional({ type: [String], enum: WORKING_MODE_CODES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WORKING_MODE_CODES.length)
  @IsIn(WORKING_MODE_CODES, { each: true, message: '工作方式不正确' })
  wantedModes?: string[];

  @ApiPropertyOptional({ type: [String], example: ['缝纫', '收银'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: '技能最多20项' })
  @IsString({ each: true })
  @MaxLength(20, { each: true, message: '每项技能最多20个字' })
  skills?: string[];

  @ApiPropertyOptional({
    type: SelfConsentDto,
    description:
      'Her separate consent to the sensitive data of the profile (children, locations), against the current notice (GET /stations/consent-notice). Required until she has consented to the current notice (PRIVACY_CONSENT_REQUIRED); recorded with via = self.',
  })
  @IsOptional()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => SelfConsentDto)
  consent?: SelfConsentDto;
}

export class ChildViewDto {
  @ApiProperty() birthYear!: number;
  @ApiProperty() birthMonth!: number;
  @ApiProperty({ description: 'Completed years today' }) ageYears!: number;
}

export class PointViewDto {
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
}

export class WindowViewDto {
  @ApiProperty() day!: number;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
}

export class EligibilityDto {
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: [String] }) reasons!: string[];
}

export class MotherProfileDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ type: [ChildViewDto] }) children!: ChildViewDto[];
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['full_companion', 'flexible_balance', 'settled_work'] }) stage!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '弹性兼顾型' }) stageLabel!: string | null;
  @ApiPropertyOptional({ nullable: true, type: PointViewDto }) home!: PointViewDto | null;
  @ApiPropertyOptional({ nullable: true, type: PointViewDto }) school!: PointViewDto | null;
  @ApiProperty({ type: [WindowViewDto] }) availableWindows!: WindowViewDto[];
  @ApiProperty({ example: '周一至周五 9:00-15:00' }) availableText!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) desiredHourly!: number | null;
  @ApiProperty({ type: [String] }) wantedTypes!: string[];
  @ApiProperty({ type: [String] }) wantedModes!: string[];
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: EligibilityDto }) eligibility!: EligibilityDto;
}
