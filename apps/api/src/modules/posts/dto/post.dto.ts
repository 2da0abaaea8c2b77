import {
  CHILDCARE_STAGES,
  CONTRACT_FORM_CODES,
  CONTRACT_FORM_LABELS,
  EMPLOYER_KIND_CODES,
  INSURANCE_KIND_CODES,
  INSURANCE_KIND_LABELS,
  PAY_BASIS_CODES,
  PAY_BASIS_LABELS,
  PAY_BASIS_UNITS,
  POST_TYPES,
  POST_TYPE_CODES,
  WORKING_MODES,
  WORKING_MODE_CODES,
  contractRightsTerms,
  formatHourly,
  formatWindows,
  isoDateInChina,
  type ContractForm,
  type EmployerKind,
  type InsuranceKind,
  type PayBasis,
  type PostTypeCode,
  type WorkingMode,
} from '@mamagang/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
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
import { EmployerFacilitiesDto, LatLngDto, LatLngOutDto } from '../../employers/dto/employer.dto';
import type { EmployerEntity } from '../../employers/employer.entity';
import type { PostEntity, PostStatus } from '../post.entity';
import { IsDecimalNumber } from '../../../common/validation/decimal-number';
import { WeeklyWindowDto } from '../../../common/validation/weekly-window.dto';

const NOT_BLANK = /\S/;

export class PayInputDto {
  @ApiPropertyOptional({ enum: PAY_BASIS_CODES, description: "Omitted: the type's default" })
  @IsOptional()
  @IsIn(PAY_BASIS_CODES, { message: '计酬方式不正确' })
  basis?: PayBasis;

  @ApiProperty({ example: 3000, description: 'Yuan per basis unit' })
  @IsDecimalNumber(2, { message: '报酬应为最多两位小数的数字' })
  @Min(0.01, { message: '报酬应大于0' })
  @Max(1_000_000, { message: '报酬金额过大' })
  min!: number;

  @ApiProperty({ example: 3600 })
  @IsDecimalNumber(2, { message: '报酬应为最多两位小数的数字' })
  @Min(0.01, { message: '报酬应大于0' })
  @Max(1_000_000, { message: '报酬金额过大' })
  max!: number;

  @ApiPropertyOptional({ example: 40, description: 'per_piece: pieces an average worker finishes in an hour' })
  @IsOptional()
  @IsDecimalNumber(2, { message: '每小时件数应为数字' })
  @Min(0.01, { message: '每小时件数应大于0' })
  @Max(10_000, { message: '每小时件数过大' })
  unitsPerHour?: number;

  @ApiPropertyOptional({ example: 2, description: 'per_task: hours one task takes' })
  @IsOptional()
  @IsDecimalNumber(2, { message: '每单小时数应为数字' })
  @Min(0.01, { message: '每单小时数应大于0' })
  @Max(1_000, { message: '每单小时数过大' })
  hoursPerTask?: number;
}

export class ScheduleInputDto {
  @ApiProperty({ description: 'No fixed hours: she arranges her time' })
  @IsBoolean({ message: '请选择工作时间是否灵活' })
  flexible!: boolean;

  @ApiProperty({ type: [WeeklyWindowDto] })
  @IsArray()
  @ArrayMaxSize(28, { message: '时间段不超过28个' })
  @IsObject({ each: true, message: '每一项都应为对象' })
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  windows!: WeeklyWindowDto[];

  @ApiPropertyOptional({ example: 20, description: 'Required when flexible; otherwise computed from the windows' })
  @IsOptional()
  @IsDecimalNumber(2, { message: '每周工时应为数字' })
  @Min(0.5, { message: '每周工时至少0.5小时' })
  @Max(84, { message: '每周工时不超过84小时' })
  hoursPerWeek?: number;
}

export class PlaceInputDto {
  @ApiProperty({ description: 'Work done online' }) @IsBoolean({ message: '请选择是否远程' }) remote!: boolean;
  @ApiProperty({ description: 'Work she may take home (流动妈妈岗)' }) @IsBoolean({ message: '请选择是否可带回家做' }) takeHome!: boolean;

  @ApiPropertyOptional({ type: LatLngDto, description: 'Required unless remote or take-home' })
  @IsOptional()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => LatLngDto)
  location?: LatLngDto;

  @ApiPropertyOptional({ example: '环翠区某某路1号' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址不超过200个字' })
  address?: string;
}

export class PostFacilitiesInputDto {
  @ApiProperty() @IsBoolean() motherBabyRoom!: boolean;
  @ApiProperty() @IsBoolean() shuttleBus!: boolean;
  @ApiProperty({ description: 'She may bring her child along' }) @IsBoolean() childMayCome!: boolean;
}

/** POST /employers/:employerId/posts. Omitted terms come from the type (GET /posts/defaults). */
export class CreatePostDto {
  @ApiProperty({ enum: POST_TYPE_CODES })
  @IsIn(POST_TYPE_CODES, { message: '请选择岗位类型' })
  type!: PostTypeCode;

  @ApiProperty({ example: '缝纫工（可提前下班接孩子）' })
  @IsString()
  @Length(1, 40, { message: '岗位名称应为1-40个字' })
  @Matches(NOT_BLANK, { message: '请填写岗位名称' })
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '岗位介绍不超过2000个字' })
  description?: string;

  @ApiProperty({ example: 3 })
  @IsInt({ message: '招聘人数应为整数' })
  @Min(1, { message: '招聘人数至少1人' })
  @Max(500, { message: '招聘人数不超过500人' })
  headcount!: number;

  @ApiProperty({ type: PayInputDto })
  @IsDefined({ message: '请填写报酬' })
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => PayInputDto)
  pay!: PayInputDto;

  @ApiProperty({ type: ScheduleInputDto })
  @IsDefined({ message: '请填写工作时间' })
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => ScheduleInputDto)
  schedule!: ScheduleInputDto;

  @ApiPropertyOptional({ enum: WORKING_MODE_CODES, isArray: true, description: "Omitted: the type's default modes" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @ArrayUnique({ message: '工作模式不能重复' })
  @IsIn(WORKING_MODE_CODES, { each: true, message: '工作模式不正确' })
  modes?: WorkingMode[];

  @ApiProperty({ type: PlaceInputDto })
  @IsDefined({ message: '请填写工作地点' })
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => PlaceInputDto)
  place!: PlaceInputDto;

  @ApiPropertyOptional({ enum: INSURANCE_KIND_CODES })
  @IsOptional()
  @IsIn(INSURANCE_KIND_CODES, { message: '保险类型不正确' })
  insurance?: InsuranceKind;

  @ApiPropertyOptional({ enum: CONTRACT_FORM_CODES })
  @IsOptional()
  @IsIn(CONTRACT_FORM_CODES, { message: '合同形式不正确' })
  contractForm?: ContractForm;

  @ApiPropertyOptional({ type: [String], example: ['缝纫'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: '技能要求不超过20项' })
  @IsString({ each: true })
  @MaxLength(20, { each: true, message: '每项技能不超过20个字' })
  skills?: string[];

  @ApiPropertyOptional({ type: PostFacilitiesInputDto, description: "Omitted: the employer's mother-and-baby room and shuttle bus" })
  @IsOptional()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => PostFacilitiesInputDto)
  facilities?: PostFacilitiesInputDto;

  @ApiProperty({ example: '2026-12-31', description: 'Last day the post is open (China), today to one year ahead' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '有效期应为“年-月-日”格式的日期' })
  validUntil!: string;
}

export class TakeDownPostDto {
  @ApiProperty({ example: '岗位信息与实际不符' })
  @IsString()
  @Length(2, 200, { message: '请填写2-200字的下架原因' })
  @Matches(NOT_BLANK, { message: '请填写下架原因' })
  reason!: string;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export const POST_STATUS_LABELS: Readonly<Record<PostStatus, string>> = {
  open: '招聘中',
  filled: '已招满',
  expired: '已过期',
  taken_down: '已下架',
};

export class PostEmployerDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: EMPLOYER_KIND_CODES }) kind!: EmployerKind;
  @ApiProperty({ description: '友好企业' }) friendly!: boolean;
  @ApiProperty({ type: EmployerFacilitiesDto }) facilities!: EmployerFacilitiesDto;
}

export class PostPayDto {
  @ApiProperty({ enum: PAY_BASIS_CODES }) basis!: PayBasis;
  @ApiProperty({ example: '按月计酬' }) basisLabel!: string;
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ example: '3000-3600元/月' }) text!: string;
}

export class PostHourlyDto {
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'null only for own_income (start-up)' }) min!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) max!: number | null;
  @ApiProperty({ example: '折合约17.3-20.8元/小时' }) text!: string;
}

export class WindowOutDto {
  @ApiProperty() day!: number;
  @ApiProperty({ example: '09:00' }) start!: string;
  @ApiProperty({ example: '15:00' }) end!: string;
}

export class PostScheduleDto {
  @ApiProperty() flexible!: boolean;
  @ApiProperty({ type: [WindowOutDto] }) windows!: WindowOutDto[];
  @ApiProperty({ example: '周一至周五 8:30-15:30，每周35小时' }) text!: string;
  @ApiProperty() hoursPerWeek!: number;
}

export class ModeDto {
  @ApiProperty({ enum: WORKING_MODE_CODES }) code!: WorkingMode;
  @ApiProperty({ example: '弹性妈妈岗' }) label!: string;
}

export class PostPlaceDto {
  @ApiProperty() remote!: boolean;
  @ApiProperty() takeHome!: boolean;
  @ApiPropertyOptional({ type: LatLngOutDto, nullable: true }) location!: LatLngOutDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ description: "The employer's region" }) regionCode!: string;
}

export class PostFacilitiesDto {
  @ApiProperty() motherBabyRoom!: boolean;
  @ApiProperty() shuttleBus!: boolean;
  @ApiProperty() childMayCome!: boolean;
}

export class PostDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: PostEmployerDto }) employer!: PostEmployerDto;
  @ApiProperty({ enum: POST_TYPE_CODES }) type!: PostTypeCode;
  @ApiProperty({ example: '生产线' }) typeLabel!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Set for the three stage types only' }) stage!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '安心工作型' }) stageLabel!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() headcount!: number;
  @ApiProperty() filledCount!: number;
  @ApiProperty() openPlaces!: number;
  @ApiProperty({ type: PostPayDto }) pay!: PostPayDto;
  @ApiProperty({ type: PostHourlyDto }) hourly!: PostHourlyDto;
  @ApiProperty({ type: PostScheduleDto }) schedule!: PostScheduleDto;
  @ApiProperty({ type: [ModeDto] }) modes!: ModeDto[];
  @ApiProperty({ type: PostPlaceDto }) place!: PostPlaceDto;
  @ApiProperty({ enum: INSURANCE_KIND_CODES }) insurance!: InsuranceKind;
  @ApiProperty({ example: '社会保险' }) insuranceLabel!: string;
  @ApiProperty({ enum: CONTRACT_FORM_CODES }) contractForm!: ContractForm;
  @ApiProperty({ example: '劳动合同' }) contractLabel!: string;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: PostFacilitiesDto }) facilities!: PostFacilitiesDto;
  @ApiProperty({ type: [String], description: 'Flexible terms to write into her contract (弹性工作时间, 不强制加班, 请假/育儿假)' })
  rightsTerms!: string[];
  @ApiProperty({ example: '2026-12-31', description: 'Last day open (China)' }) validUntil!: string;
  @ApiProperty({ enum: ['open', 'filled', 'expired', 'taken_down'] }) status!: PostStatus;
  @ApiProperty({ example: '招聘中' }) statusLabel!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why an official took it down; seen only by the employer and officials' })
  takedownReason!: string | null;
  @ApiProperty() createdAt!: string;
}

function yuan(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
}

export function payText(basis: PayBasis, min: number, max: number): string {
  const range = min === max ? yuan(min) : `${yuan(min)}-${yuan(max)}`;
  if (basis === 'own_income') return `自主创收，预计每月${range}元`;
  return `${range}${PAY_BASIS_UNITS[basis]}`;
}

export function hourlyText(basis: PayBasis, min: number | null, max: number | null): string {
  if (min === null || max === null) return '自主创收，不折算时薪';
  return basis === 'hourly' ? formatHourly(min, max) : `折合约${formatHourly(min, max)}`;
}

export function scheduleText(post: Pick<PostEntity, 'flexibleHours' | 'windows' | 'hoursPerWeek'>): string {
  const hours = `每周${post.flexibleHours ? '约' : ''}${yuan(post.hoursPerWeek)}小时`;
  if (!post.flexibleHours) return `${formatWindows(post.windows)}，${hours}`;
  return post.windows.length > 0 ? `时间灵活（参考时段：${formatWindows(post.windows)}），${hours}` : `时间灵活，${hours}`;
}

/** The last day a post is open, in China: valid_until is the first instant after it. */
export function lastOpenDay(validUntil: Date): string {
  return isoDateInChina(new Date(validUntil.getTime() - 1));
}

export function toPostDto(post: PostEntity, employer: EmployerEntity, options: { showTakedownReason: boolean }): PostDto {
  const def = POST_TYPES[post.type];
  return {
    id: post.id,
    employer: {
      id: employer.id,
      name: employer.name,
      kind: employer.kind,
      friendly: employer.friendly,
      facilities: { motherBabyRoom: employer.hasMotherBabyRoom, childcare: employer.hasChildcare, shuttleBus: employer.hasShuttleBus },
    },
    type: post.type,
    typeLabel: def.label,
    stage: post.stage,
    stageLabel: post.stage ? CHILDCARE_STAGES[post.stage].label : null,
    title: post.title,
    description: post.description,
    headcount: post.headcount,
    filledCount: post.filledCount,
    openPlaces: post.status === 'open' ? Math.max(0, post.headcount - post.filledCount) : 0,
    pay: { basis: post.payBasis, basisLabel: PAY_BASIS_LABELS[post.payBasis], min: post.payMin, max: post.payMax, text: payText(post.payBasis, post.payMin, post.payMax) },
    hourly: { min: post.hourlyMin, max: post.hourlyMax, text: hourlyText(post.payBasis, post.hourlyMin, post.hourlyMax) },
    schedule: { flexible: post.flexibleHours, windows: post.windows, text: scheduleText(post), hoursPerWeek: post.hoursPerWeek },
    modes: post.modes.map((code) => ({ code, label: WORKING_MODES[code]?.label ?? code })),
    place: {
      remote: post.remote,
      takeHome: post.takeHome,
      location: post.lat !== null && post.lng !== null ? { lat: post.lat, lng: post.lng } : null,
      address: post.address,
      regionCode: post.regionCode,
    },
    insurance: post.insurance,
    insuranceLabel: INSURANCE_KIND_LABELS[post.insurance],
    contractForm: post.contractForm,
    contractLabel: CONTRACT_FORM_LABELS[post.contractForm],
    skills: post.skills,
    facilities: { motherBabyRoom: post.hasMotherBabyRoom, shuttleBus: post.hasShuttleBus, childMayCome: post.childMayCome },
    rightsTerms: contractRightsTerms({ type: post.type, modes: post.modes, flexibleHours: post.flexibleHours, contractForm: post.contractForm }),
    validUntil: lastOpenDay(post.validUntil),
    status: post.status,
    statusLabel: POST_STATUS_LABELS[post.status],
    takedownReason: options.showTakedownReason ? post.takedownReason : null,
    createdAt: post.createdAt.toISOString(),
  };
}
