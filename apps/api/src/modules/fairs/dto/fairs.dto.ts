import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FAIR_LIMITS } from '@mamagang/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const DEFAULT_FAIR_RADIUS_KM = 30;
export const MAX_FAIR_RADIUS_KM = 200;

// ----------------------------------------------------------------------------- requests

export class FairLocationDto {
  @ApiProperty({ example: 37.5015 })
  @IsLatitude({ message: '纬度不正确' })
  lat!: number;

  @ApiProperty({ example: 122.1235 })
  @IsLongitude({ message: '经度不正确' })
  lng!: number;
}

export class FairEmployerInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '单位编号不正确' })
  employerId!: string;

  @ApiProperty({ type: [String], maxItems: FAIR_LIMITS.maxPostsPerEmployer, description: "Open posts of that employer it brings to the fair" })
  @IsArray({ message: '岗位列表格式不正确' })
  @ArrayMaxSize(FAIR_LIMITS.maxPostsPerEmployer, { message: `每家单位最多带${FAIR_LIMITS.maxPostsPerEmployer}个岗位` })
  @ArrayUnique({ message: '岗位重复' })
  @IsUUID('all', { each: true, message: '岗位编号不正确' })
  postIds!: string[];
}

export class FairParticipantsDto {
  @ApiProperty({ type: [FairEmployerInputDto], maxItems: FAIR_LIMITS.maxEmployers })
  @IsArray({ message: '参会单位格式不正确' })
  @ArrayMaxSize(FAIR_LIMITS.maxEmployers, { message: `参会单位最多${FAIR_LIMITS.maxEmployers}家` })
  @IsObject({ each: true, message: '每一项都应为对象' })
  @ValidateNested({ each: true })
  @Type(() => FairEmployerInputDto)
  employers!: FairEmployerInputDto[];
}

export class CreateFairDto {
  @ApiProperty({ example: '环翠区“妈妈岗”冬季专场招聘会' })
  @Transform(trim)
  @IsString({ message: '请填写招聘会名称' })
  @Length(2, 60, { message: '招聘会名称为2-60个字' })
  title!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000, { message: '介绍不超过1000个字' })
  description?: string;

  @ApiProperty({ enum: ['online', 'onsite'] })
  @IsIn(['online', 'onsite'], { message: '请选择线上或现场招聘会' })
  mode!: 'online' | 'onsite';

  @ApiPropertyOptional({ example: '371002', description: "Default: the caller's station region, else her first official region" })
  @IsOptional()
  @Matches(/^[1-9]\d{5}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;

  @ApiPropertyOptional({ example: '环翠区文化中路88号人力资源市场一楼', description: 'Required onsite' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 200, { message: '地址为2-200个字' })
  address?: string;

  @ApiPropertyOptional({ type: FairLocationDto, description: 'Required onsite (the map point)' })
  @IsOptional()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => FairLocationDto)
  location?: FairLocationDto;

  @ApiPropertyOptional({ example: 'https://example.cn/fair/123', description: 'Online: where the fair is held' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: '线上地址应为 https:// 开头的链接' })
  @MaxLength(500, { message: '链接不超过500个字符' })
  onlineUrl?: string;

  @ApiProperty({ example: '2026-12-05', description: 'China date' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 年-月-日，如 2026-12-05' })
  date!: string;

  @ApiProperty({ example: '09:00' })
  @IsString()
  @Matches(/^\d{2}:\d{2}$/, { message: '开始时间格式应为 时:分，如 09:00' })
  startTime!: string;

  @ApiProperty({ example: '11:30' })
  @IsString()
  @Matches(/^\d{2}:\d{2}$/, { message: '结束时间格式应为 时:分，如 11:30' })
  endTime!: string;

  @ApiPropertyOptional({ example: '现场设儿童托管区和母婴室，可带孩子参加', maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300, { message: '亲子安排不超过300个字' })
  childFriendly?: string;

  @ApiProperty({ minimum: 1, maximum: FAIR_LIMITS.maxSeats })
  @IsInt({ message: '名额应为整数' })
  @Min(1, { message: '名额至少1个' })
  @Max(FAIR_LIMITS.maxSeats, { message: `名额不超过${FAIR_LIMITS.maxSeats}个` })
  seats!: number;

  @ApiPropertyOptional({ type: [FairEmployerInputDto], maxItems: FAIR_LIMITS.maxEmployers })
  @IsOptional()
  @IsArray({ message: '参会单位格式不正确' })
  @ArrayMaxSize(FAIR_LIMITS.maxEmployers, { message: `参会单位最多${FAIR_LIMITS.maxEmployers}家` })
  @IsObject({ each: true, message: '每一项都应为对象' })
  @ValidateNested({ each: true })
  @Type(() => FairEmployerInputDto)
  employers?: FairEmployerInputDto[];
}

export class CancelFairDto {
  @ApiProperty({ example: '因天气原因取消，改期另行通知' })
  @Transform(trim)
  @IsString({ message: '请填写取消原因' })
  @Length(1, 200, { message: '取消原因为1-200个字' })
  reason!: string;
}

export class CheckInDto {
  @ApiProperty({ example: '000012-00007-4839203', description: 'Typed or scanned; spaces and dashes are ignored' })
  @IsString({ message: '请输入签到码' })
  @Length(1, 40, { message: '签到码不正确' })
  code!: string;
}

export class WalkInDto {
  @ApiProperty({ format: 'uuid', description: 'Her record, as the station registration desk (POST /stations/:id/registrations) returned it' })
  @IsUUID('all', { message: '请先为她办理求职登记' })
  motherId!: string;
}

export class ListFairsQueryDto {
  @ApiPropertyOptional({ example: 37.513, description: 'With lng: fairs near this point. Never stored or logged.' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '纬度应为数字' })
  @Min(-90, { message: '纬度应在-90到90之间' })
  @Max(90, { message: '纬度应在-90到90之间' })
  lat?: number;

  @ApiPropertyOptional({ example: 122.12 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '经度应为数字' })
  @Min(-180, { message: '经度应在-180到180之间' })
  @Max(180, { message: '经度应在-180到180之间' })
  lng?: number;

  @ApiPropertyOptional({ default: DEFAULT_FAIR_RADIUS_KM, minimum: 1, maximum: MAX_FAIR_RADIUS_KM })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '范围应为数字' })
  @Min(1, { message: '范围至少1公里' })
  @Max(MAX_FAIR_RADIUS_KM, { message: `范围最大${MAX_FAIR_RADIUS_KM}公里` })
  radiusKm?: number;

  @ApiPropertyOptional({ example: '371002', description: "Online fairs (and any fair) of this region; default a mother's own region" })
  @IsOptional()
  @Matches(/^[1-9]\d{5}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;
}

export class CandidatesQueryDto {
  @ApiPropertyOptional({ example: '371002', description: "Default: the caller's station region, else her first official region" })
  @IsOptional()
  @Matches(/^[1-9]\d{5}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;
}

// ----------------------------------------------------------------------------- answers

export class FairLocationViewDto {
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
}

export class FairPostDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ example: '关爱型·生产线' }) typeLabel!: string;
  @ApiProperty({ example: '20-25元/小时' }) hourlyText!: string;
  @ApiProperty() openPlaces!: number;
  @ApiProperty({ enum: ['open', 'filled', 'expired', 'taken_down'] }) status!: string;
  @ApiProperty({ example: '招聘中' }) statusLabel!: string;
  @ApiProperty() remote!: boolean;
  @ApiProperty() takeHome!: boolean;
}

export class FairEmployerDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() friendly!: boolean;
  @ApiProperty({ type: [FairPostDto] }) posts!: FairPostDto[];
}

export class MySignupBriefDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['signed_up', 'cancelled', 'checked_in'] }) status!: string;
  @ApiProperty({ example: '已报名' }) statusLabel!: string;
  @ApiProperty({ type: String, nullable: true, example: '000012-00007-4839203', description: 'Shown at the door; null once cancelled' }) code!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The 18 digits, for a QR code' }) codeDigits!: string | null;
  @ApiProperty() walkIn!: boolean;
  @ApiProperty() signedUpAt!: string;
  @ApiProperty({ type: String, nullable: true }) checkedInAt!: string | null;
}

export class FairSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Short number, printed in check-in codes' }) fairNo!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['online', 'onsite'] }) mode!: string;
  @ApiProperty({ example: '现场招聘会' }) modeLabel!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: FairLocationViewDto, nullable: true }) location!: FairLocationViewDto | null;
  @ApiProperty({ example: '2026-12-05' }) date!: string;
  @ApiProperty({ example: '09:00' }) startTime!: string;
  @ApiProperty({ example: '11:30' }) endTime!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty() childFriendly!: string;
  @ApiProperty() seats!: number;
  @ApiProperty() seatsLeft!: number;
  @ApiProperty() employerCount!: number;
  @ApiProperty() postCount!: number;
  @ApiProperty({ enum: ['published', 'cancelled'] }) status!: string;
  @ApiProperty({ example: '报名中' }) statusLabel!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'From the point asked about, for onsite fairs' }) distanceKm!: number | null;
  @ApiProperty({ type: MySignupBriefDto, nullable: true, description: "A signed-in mother's own sign-up" }) mySignup!: MySignupBriefDto | null;
}

export class LivestreamSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['wechat_channels', 'other'] }) platform!: string;
  @ApiProperty({ example: '视频号直播' }) platformLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: 'WeChat channels id (视频号ID), for wx.openChannelsLive' }) channelsId!: string | null;
  @ApiProperty({ type: String, nullable: true }) feedId!: string | null;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ enum: ['upcoming', 'live', 'ended'] }) phase!: string;
  @ApiProperty({ example: '直播中' }) phaseLabel!: string;
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status!: string;
}

export class FairDto extends FairSummaryDto {
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) onlineUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) stationId!: string | null;
  @ApiProperty({ type: [FairEmployerDto] }) employers!: FairEmployerDto[];
  @ApiProperty({ type: [LivestreamSummaryDto] }) livestreams!: LivestreamSummaryDto[];
  @ApiProperty({ description: 'The caller may manage it (a station worker or official of its region)' }) canManage!: boolean;
}

export class MyFairSignupDto extends MySignupBriefDto {
  @ApiProperty({ type: FairSummaryDto }) fair!: FairSummaryDto;
}

export class FairMotherDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '王*' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '138****1111' }) phoneMasked!: string | null;
}

export class FairSignupDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Her number at the fair' }) seq!: number;
  @ApiProperty({ enum: ['signed_up', 'cancelled', 'checked_in'] }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() walkIn!: boolean;
  @ApiProperty() signedUpAt!: string;
  @ApiProperty({ type: String, nullable: true }) checkedInAt!: string | null;
  @ApiProperty({ type: FairMotherDto }) mother!: FairMotherDto;
}

export class WalkInResultDto {
  @ApiProperty({ description: 'False when she had signed up already (then she is simply checked in)' }) created!: boolean;
  @ApiProperty({ type: FairSignupDto }) signup!: FairSignupDto;
}

export class FairEmployerStatsDto {
  @ApiProperty() employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() posts!: number;
  @ApiProperty() applications!: number;
  @ApiProperty() hires!: number;
}

export class LivestreamCountsDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() applications!: number;
  @ApiProperty() hires!: number;
}

export class FairStatsDto {
  @ApiProperty() fairId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() date!: string;
  @ApiProperty() seats!: number;
  @ApiProperty({ description: 'Seats held by sign-ups' }) seatsTaken!: number;
  @ApiProperty({ description: 'Sign-ups before the fair, not cancelled' }) signUps!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty({ description: 'Registered at the door' }) walkIns!: number;
  @ApiProperty({ description: 'Checked in, walk-ins included' }) checkIns!: number;
  @ApiProperty({ description: 'Applications made from the fair or one of its livestreams' }) applications!: number;
  @ApiProperty() applicants!: number;
  @ApiProperty({ description: 'Hires of those applications' }) hires!: number;
  @ApiProperty({ type: [FairEmployerStatsDto] }) employers!: FairEmployerStatsDto[];
  @ApiProperty({ type: [LivestreamCountsDto] }) livestreams!: LivestreamCountsDto[];
}
