import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { POST_TYPE_CODES, WORKING_MODE_CODES } from '@mamagang/domain';
import { TRAINING_NEED_CODES } from '../survey/needs-survey.v1';
import { LatLngDto } from './station.dto';
import { IsDecimalNumber } from '../../../common/validation/decimal-number';
import { IsInstant } from '../../../common/validation/instant';

export class ChildBirthDto {
  @ApiProperty({ example: 2022 })
  @IsInt({ message: '出生年份应为整数' })
  @Min(1990, { message: '孩子的出生年份不正确' })
  @Max(2100, { message: '孩子的出生年份不正确' })
  birthYear!: number;

  @ApiProperty({ example: 5 })
  @IsInt({ message: '出生月份应为整数' })
  @Min(1, { message: '出生月份应为1-12' })
  @Max(12, { message: '出生月份应为1-12' })
  birthMonth!: number;
}

export class WeeklyWindowDto {
  @ApiProperty({ example: 1, description: 'ISO weekday, Monday = 1' })
  @IsInt()
  @Min(1, { message: '星期应为1-7' })
  @Max(7, { message: '星期应为1-7' })
  day!: number;

  @ApiProperty({ example: '09:00' })
  @IsString()
  @MaxLength(5)
  start!: string;

  @ApiProperty({ example: '15:00' })
  @IsString()
  @MaxLength(5)
  end!: string;
}

export class ConsentDto {
  @ApiProperty({ example: 'sensitive-v1', description: 'The version of the notice she read' })
  @IsString()
  @Length(1, 40)
  noticeVersion!: string;

  @ApiProperty({ example: '2026-11-02T09:30:00+08:00' })
  @IsInstant({ message: '同意时间格式不正确' })
  givenAt!: string;
}

export class RegisterMotherDto {
  @ApiProperty({ example: '王丽' })
  @IsString()
  @Length(1, 30, { message: '姓名为1-30个字' })
  name!: string;

  @ApiProperty({ example: '13800001111' })
  @IsString()
  @MaxLength(20)
  phone!: string;

  @ApiProperty({ example: '371002199001011234', description: 'Encrypted at rest, never returned unmasked' })
  @IsString()
  @MaxLength(30)
  idNumber!: string;

  @ApiProperty({ type: [ChildBirthDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true, message: '每一项都应为对象' })
  @ValidateNested({ each: true })
  @Type(() => ChildBirthDto)
  children!: ChildBirthDto[];

  @ApiPropertyOptional({ example: '371002', description: "Her district; the station's region by default" })
  @IsOptional()
  @Matches(/^[1-9]\d{5}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;

  @ApiPropertyOptional({ type: LatLngDto, description: 'Stored rounded to ~100 m' })
  @IsOptional()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => LatLngDto)
  home?: LatLngDto;

  @ApiProperty({ type: [WeeklyWindowDto] })
  @IsArray()
  @ArrayMaxSize(21)
  @IsObject({ each: true, message: '每一项都应为对象' })
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  availableWindows!: WeeklyWindowDto[];

  @ApiPropertyOptional({ example: 22, description: 'yuan per hour' })
  @IsOptional()
  @IsDecimalNumber(2)
  @Min(0)
  @Max(1000)
  desiredHourly?: number;

  @ApiProperty({ isArray: true, enum: POST_TYPE_CODES })
  @IsArray()
  @ArrayMaxSize(POST_TYPE_CODES.length)
  @ArrayUnique()
  @IsIn(POST_TYPE_CODES, { each: true, message: '岗位类型不正确' })
  wantedTypes!: string[];

  @ApiProperty({ isArray: true, enum: WORKING_MODE_CODES })
  @IsArray()
  @ArrayMaxSize(WORKING_MODE_CODES.length)
  @ArrayUnique()
  @IsIn(WORKING_MODE_CODES, { each: true, message: '就业方式不正确' })
  wantedModes!: string[];

  @ApiProperty({ isArray: true, type: String, example: ['缝纫', '烹饪'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  skills!: string[];

  @ApiProperty({ isArray: true, enum: TRAINING_NEED_CODES })
  @IsArray()
  @ArrayMaxSize(TRAINING_NEED_CODES.length)
  @ArrayUnique()
  @IsIn(TRAINING_NEED_CODES, { each: true, message: '培训需求不正确' })
  trainingNeeds!: string[];

  @ApiPropertyOptional({ example: '2026-06-01', description: '失业登记日期' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '失业登记日期格式应为YYYY-MM-DD' })
  registeredUnemployedSince?: string;

  @ApiPropertyOptional({ description: '就业困难人员' })
  @IsOptional()
  @IsBoolean()
  employmentDifficulty?: boolean;

  @ApiPropertyOptional({ type: ConsentDto, description: 'Required: without her separate consent nothing is registered' })
  @IsOptional()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;
}

export class ListStationMothersQueryDto {
  @ApiPropertyOptional({ description: 'A name prefix, a full mobile or a full ID number' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  q?: string;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page?: number;
}

export class ChildDto {
  @ApiProperty() birthYear!: number;
  @ApiProperty() birthMonth!: number;
}

export class ConsentRecordDto {
  @ApiProperty() noticeVersion!: string;
  @ApiProperty() givenAt!: string;
}

export class StationMotherDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '138****1111' }) phoneMasked!: string;
  @ApiProperty({ example: '3710**********123X' }) idMasked!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ nullable: true, type: String }) stationId!: string | null;
  @ApiProperty({ type: [ChildDto] }) children!: ChildDto[];
  @ApiProperty({ nullable: true, type: String }) stage!: string | null;
  @ApiProperty({ nullable: true, type: String }) stageLabel!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'YYYY-MM-DD (China)' }) registeredOn!: string | null;
  @ApiProperty({ nullable: true, type: ConsentRecordDto }) consent!: ConsentRecordDto | null;
  @ApiProperty({ description: 'She has signed in and her account is joined' }) hasAccount!: boolean;
  @ApiProperty({ nullable: true, type: String }) hiredOn!: string | null;
}

export class RegistrationResultDto {
  @ApiProperty({ type: StationMotherDto }) mother!: StationMotherDto;
  @ApiProperty({ description: 'false: the ID number was already registered and her record was found' }) created!: boolean;
}
