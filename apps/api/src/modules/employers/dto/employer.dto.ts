import { EMPLOYER_KIND_CODES, EMPLOYER_KIND_LABELS, type EmployerKind } from '@mamagang/domain';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested, IsDefined } from 'class-validator';
import type { EmployerEntity, EmployerStatus } from '../employer.entity';
import type { EmployerView } from '../employers.service';
import { queryBoolean } from '../../../common/validation/query-boolean';

const NOT_BLANK = /\S/;

export class LatLngDto {
  @ApiProperty({ example: 37.5131 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '纬度应为数字' })
  @Min(-90, { message: '纬度超出范围' })
  @Max(90, { message: '纬度超出范围' })
  lat!: number;

  @ApiProperty({ example: 122.1201 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '经度应为数字' })
  @Min(-180, { message: '经度超出范围' })
  @Max(180, { message: '经度超出范围' })
  lng!: number;
}

export class EmployerFacilitiesInputDto {
  @ApiProperty({ description: '母婴室' }) @IsBoolean({ message: '请选择是否有母婴室' }) motherBabyRoom!: boolean;
  @ApiProperty({ description: '托育/看护' }) @IsBoolean({ message: '请选择是否提供托育' }) childcare!: boolean;
  @ApiProperty({ description: '妈妈班车' }) @IsBoolean({ message: '请选择是否有班车' }) shuttleBus!: boolean;
}

/** POST /employers and PUT /employers/:id. */
export class FileEmployerDto {
  @ApiProperty({ example: '91371000MA3C5XXXXX', description: '统一社会信用代码 (18 characters; spaces and dashes are ignored)' })
  @IsString()
  @Length(1, 30, { message: '请填写18位统一社会信用代码' })
  uscc!: string;

  @ApiProperty({ example: '威海市某某服装有限公司' })
  @IsString()
  @Length(2, 100, { message: '单位名称应为2-100个字' })
  @Matches(NOT_BLANK, { message: '请填写单位名称' })
  name!: string;

  @ApiProperty({ enum: EMPLOYER_KIND_CODES })
  @IsIn(EMPLOYER_KIND_CODES, { message: '请选择单位类型' })
  kind!: EmployerKind;

  @ApiProperty({ example: '371002' })
  @IsString()
  @Matches(/^\d{6}$/, { message: '请选择所在地区' })
  regionCode!: string;

  @ApiProperty({ example: '王经理' })
  @IsString()
  @Length(1, 30, { message: '联系人姓名应为1-30个字' })
  @Matches(NOT_BLANK, { message: '请填写联系人姓名' })
  contactName!: string;

  @ApiProperty({ example: '13812345678' })
  @IsString()
  @MaxLength(20, { message: '请输入正确的11位手机号码' })
  contactPhone!: string;

  @ApiProperty({ example: '环翠区某某路1号' })
  @IsString()
  @Length(2, 200, { message: '地址应为2-200个字' })
  @Matches(NOT_BLANK, { message: '请填写地址' })
  address!: string;

  @ApiProperty({ type: LatLngDto })
  @IsDefined({ message: '请在地图上选择单位位置' })
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => LatLngDto)
  location!: LatLngDto;

  @ApiProperty({ type: EmployerFacilitiesInputDto })
  @IsDefined({ message: '请填写单位设施' })
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => EmployerFacilitiesInputDto)
  facilities!: EmployerFacilitiesInputDto;

  @ApiPropertyOptional({ description: '劳务派遣单位' })
  @IsOptional()
  @IsBoolean()
  isLabourDispatch?: boolean;
}

/**
 * What an approved employer keeps up to date itself: who to call, where it is, what it offers
 * mothers. Its identity (code, name, kind, region, labour dispatch) is what the official approved.
 */
export class UpdateEmployerDetailsDto extends PickType(FileEmployerDto, ['contactName', 'contactPhone', 'address', 'location', 'facilities'] as const) {}

export class ApproveEmployerDto {
  @ApiPropertyOptional({ example: '李明', description: 'The service officer (服务专员) assigned to the employer' })
  @IsOptional()
  @IsString()
  @MaxLength(30, { message: '服务专员姓名不超过30个字' })
  serviceOfficer?: string;
}

export class RejectEmployerDto {
  @ApiProperty({ example: '营业执照信息与填写不一致' })
  @IsString()
  @Length(2, 200, { message: '请填写2-200字的不通过原因' })
  @Matches(NOT_BLANK, { message: '请填写不通过原因' })
  reason!: string;
}

export class FriendlyEmployerDto {
  @ApiProperty()
  @IsBoolean({ message: 'friendly 应为 true 或 false' })
  friendly!: boolean;
}

export class DirectoryQueryDto {
  @ApiPropertyOptional({ example: '371000', description: 'A city covers its districts' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: EMPLOYER_KIND_CODES })
  @IsOptional()
  @IsIn(EMPLOYER_KIND_CODES, { message: '单位类型不正确' })
  kind?: EmployerKind;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'friendly 应为 true 或 false' })
  friendly?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '搜索词不超过50个字' })
  q?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为整数' })
  @Min(1, { message: '页码从1开始' })
  @Max(500, { message: '页码过大' })
  page?: number;
}

export const EMPLOYER_STATUS_CODES: readonly EmployerStatus[] = ['pending', 'approved', 'rejected'];

export const EMPLOYER_STATUS_LABELS: Readonly<Record<EmployerStatus, string>> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

export class OfficialEmployersQueryDto {
  @ApiPropertyOptional({ enum: [...EMPLOYER_STATUS_CODES, 'all'], default: 'pending' })
  @IsOptional()
  @IsIn([...EMPLOYER_STATUS_CODES, 'all'], { message: '状态不正确' })
  status?: EmployerStatus | 'all';

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为整数' })
  @Min(1, { message: '页码从1开始' })
  @Max(500, { message: '页码过大' })
  page?: number;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class LatLngOutDto {
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
}

export class EmployerFacilitiesDto {
  @ApiProperty() motherBabyRoom!: boolean;
  @ApiProperty() childcare!: boolean;
  @ApiProperty() shuttleBus!: boolean;
}

/** A directory entry: what anyone may read about an approved employer. */
export class PublicEmployerDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: EMPLOYER_KIND_CODES }) kind!: EmployerKind;
  @ApiProperty({ example: '企业' }) kindLabel!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: LatLngOutDto }) location!: LatLngOutDto;
  @ApiProperty({ type: EmployerFacilitiesDto }) facilities!: EmployerFacilitiesDto;
  @ApiProperty({ description: '友好企业' }) friendly!: boolean;
}

/**
 * The whole filing. In the public view (neither a member nor an official of the region) the
 * contact person, the review reason and the reviewer's notes are null; the contact phone is only
 * ever shown masked.
 */
export class EmployerDto extends PublicEmployerDto {
  @ApiProperty({ example: '91371000MA3C5XXXXX' }) uscc!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null in the public view' }) contactName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '138****5678', description: 'masked; null in the public view' })
  contactPhoneMasked!: string | null;
  @ApiProperty() isLabourDispatch!: boolean;
  @ApiProperty({ enum: EMPLOYER_STATUS_CODES }) status!: EmployerStatus;
  @ApiProperty({ example: '待审核' }) statusLabel!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'why the filing was rejected; null in the public view' })
  reviewReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) serviceOfficer!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class EmployerPageDto {
  @ApiProperty({ type: [EmployerDto] }) items!: EmployerDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
}

export class PublicEmployerPageDto {
  @ApiProperty({ type: [PublicEmployerDto] }) items!: PublicEmployerDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
}

export function toPublicEmployerDto(e: EmployerEntity): PublicEmployerDto {
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    kindLabel: EMPLOYER_KIND_LABELS[e.kind],
    regionCode: e.regionCode,
    address: e.address,
    location: { lat: e.lat, lng: e.lng },
    facilities: { motherBabyRoom: e.hasMotherBabyRoom, childcare: e.hasChildcare, shuttleBus: e.hasShuttleBus },
    friendly: e.friendly,
  };
}

export function toEmployerDto(e: EmployerEntity, view: EmployerView): EmployerDto {
  const full = view !== 'public';
  return {
    ...toPublicEmployerDto(e),
    uscc: e.uscc,
    contactName: full ? e.contactName : null,
    contactPhoneMasked: full ? e.contactPhoneMasked : null,
    isLabourDispatch: e.isLabourDispatch,
    status: e.status,
    statusLabel: EMPLOYER_STATUS_LABELS[e.status],
    reviewReason: full ? e.reviewReason : null,
    serviceOfficer: e.serviceOfficer,
    reviewedAt: e.reviewedAt ? e.reviewedAt.toISOString() : null,
    createdAt: e.createdAt.toISOString(),
  };
}
