import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTRACT_FORM_CODES, INSURANCE_KIND_CODES, SHARING_LIMITS, type ContractForm, type InsuranceKind } from '@mamagang/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimalNumber } from '../../../common/validation/decimal-number';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

// ----------------------------------------------------------------------------- requests

export class CreateListingDto {
  @ApiProperty({ enum: ['offer', 'request'], description: 'offer: surplus workers to lend (富余); request: workers needed (短缺)' })
  @IsIn(['offer', 'request'], { message: '请选择富余或短缺' })
  side!: 'offer' | 'request';

  @ApiProperty({ minimum: 1, maximum: SHARING_LIMITS.maxWorkers })
  @IsInt({ message: '人数应为整数' })
  @Min(1, { message: '人数至少1人' })
  @Max(SHARING_LIMITS.maxWorkers, { message: `人数不超过${SHARING_LIMITS.maxWorkers}人` })
  workers!: number;

  @ApiProperty({ example: '2027-01-10' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '开始日期格式应为 年-月-日' })
  from!: string;

  @ApiProperty({ example: '2027-02-20' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '结束日期格式应为 年-月-日' })
  to!: string;

  @ApiProperty({ type: [String], example: ['包装', '缝纫'], maxItems: SHARING_LIMITS.maxSkills })
  @Transform(trimEach)
  @IsArray({ message: '技能格式不正确' })
  @ArrayMaxSize(SHARING_LIMITS.maxSkills, { message: `技能最多${SHARING_LIMITS.maxSkills}项` })
  @IsString({ each: true, message: '技能格式不正确' })
  @Length(1, 20, { each: true, message: '每项技能为1-20个字' })
  skills!: string[];

  @ApiPropertyOptional({ example: '淡季车间富余，员工可到附近食堂帮工', maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300, { message: '说明不超过300个字' })
  note?: string;
}

export class EmployerQueryDto {
  @ApiProperty({ format: 'uuid', description: 'One of my employers' })
  @IsUUID('all', { message: '单位编号不正确' })
  employerId!: string;
}

export class TermsDto {
  @ApiProperty({ example: 25, description: 'Yuan per hour during the sharing' })
  @IsDecimalNumber(2, { message: '时薪应为数字（最多两位小数）' })
  @Min(0.01, { message: '时薪应大于0' })
  @Max(1000, { message: '时薪不超过1000元' })
  hourly!: number;

  @ApiProperty({ enum: INSURANCE_KIND_CODES })
  @IsIn(INSURANCE_KIND_CODES, { message: '请选择保险' })
  insurance!: InsuranceKind;

  @ApiProperty({ enum: CONTRACT_FORM_CODES })
  @IsIn(CONTRACT_FORM_CODES, { message: '请选择合同形式' })
  contractForm!: ContractForm;
}

export class CreateProposalDto {
  @ApiProperty({ format: 'uuid', description: 'My surplus offer' })
  @IsUUID('all', { message: '富余信息编号不正确' })
  offerId!: string;

  @ApiProperty({ format: 'uuid', description: "The other employer's shortage request" })
  @IsUUID('all', { message: '短缺信息编号不正确' })
  requestId!: string;

  @ApiProperty({ type: TermsDto, description: 'Her terms during the sharing: never worse than her own' })
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => TermsDto)
  terms!: TermsDto;

  @ApiPropertyOptional({ example: '文登区学苑路1号学苑食堂后厨', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200, { message: '工作地点不超过200个字' })
  workplace?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300, { message: '说明不超过300个字' })
  note?: string;

  @ApiProperty({ type: [String], description: 'Employees of mine (mothers with a current hire) to ask' })
  @IsArray({ message: '员工列表格式不正确' })
  @ArrayMinSize(1, { message: '请至少选择1名员工' })
  @ArrayMaxSize(SHARING_LIMITS.maxWorkers, { message: `员工不超过${SHARING_LIMITS.maxWorkers}人` })
  @ArrayUnique({ message: '员工重复' })
  @IsUUID('all', { each: true, message: '员工编号不正确' })
  motherIds!: string[];
}

// ----------------------------------------------------------------------------- answers

export class ListingDto {
  @ApiProperty() id!: string;
  @ApiProperty() employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ enum: ['offer', 'request'] }) side!: string;
  @ApiProperty({ example: '富余用工（可调出）' }) sideLabel!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() workers!: number;
  @ApiProperty({ example: '2027-01-10' }) from!: string;
  @ApiProperty({ example: '2027-02-20' }) to!: string;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty() note!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty() createdAt!: string;
}

export class PeriodDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() days!: number;
}

export class MatchDto {
  @ApiProperty({ enum: ['offer', 'request'], description: 'Which side of the match is mine' }) mine!: string;
  @ApiProperty({ type: ListingDto }) offer!: ListingDto;
  @ApiProperty({ type: ListingDto }) request!: ListingDto;
  @ApiProperty({ description: '0-100' }) score!: number;
  @ApiProperty({ type: PeriodDto }) overlap!: PeriodDto;
  @ApiProperty({ type: [String] }) sharedSkills!: string[];
  @ApiProperty({ type: Number, nullable: true }) distanceKm!: number | null;
  @ApiProperty() workers!: number;
  @ApiProperty({ type: [String] }) reasons!: string[];
}

export class TermsViewDto {
  @ApiProperty() hourly!: number;
  @ApiProperty({ example: '25元/小时' }) hourlyText!: string;
  @ApiProperty({ enum: INSURANCE_KIND_CODES }) insurance!: string;
  @ApiProperty({ example: '社会保险' }) insuranceLabel!: string;
  @ApiProperty({ enum: CONTRACT_FORM_CODES }) contractForm!: string;
  @ApiProperty({ example: '劳动合同' }) contractLabel!: string;
}

export class EmployeeDto {
  @ApiProperty() motherId!: string;
  @ApiProperty({ example: '王*' }) name!: string;
  @ApiProperty() hireId!: string;
  @ApiProperty() postTitle!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty({ type: TermsViewDto, nullable: true, description: 'Null when the post has no hourly pay (own income)' }) terms!: TermsViewDto | null;
}

export class EmployerRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class ProposalWorkerDto {
  @ApiProperty() consentId!: string;
  @ApiProperty() motherId!: string;
  @ApiProperty({ example: '王*' }) name!: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined'] }) status!: string;
  @ApiProperty({ example: '待本人确认' }) statusLabel!: string;
  @ApiProperty({ type: String, nullable: true }) agreementId!: string | null;
}

export class ProposalDto {
  @ApiProperty() id!: string;
  @ApiProperty() offerId!: string;
  @ApiProperty() requestId!: string;
  @ApiProperty({ type: EmployerRefDto, description: 'The employer lending its workers' }) fromEmployer!: EmployerRefDto;
  @ApiProperty({ type: EmployerRefDto, description: 'The employer short of hands' }) toEmployer!: EmployerRefDto;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: TermsViewDto }) terms!: TermsViewDto;
  @ApiProperty() workplace!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ enum: ['proposed', 'accepted', 'declined'] }) status!: string;
  @ApiProperty({ example: '待对方确认' }) statusLabel!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: [ProposalWorkerDto] }) workers!: ProposalWorkerDto[];
}

export class ConsentDto {
  @ApiProperty() id!: string;
  @ApiProperty() proposalId!: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined'] }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ type: EmployerRefDto, description: 'Her employer' }) fromEmployer!: EmployerRefDto;
  @ApiProperty({ type: EmployerRefDto, description: 'Where she would work for the period' }) toEmployer!: EmployerRefDto;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() workplace!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: TermsViewDto, description: 'Her terms now' }) original!: TermsViewDto;
  @ApiProperty({ type: TermsViewDto, description: 'Her terms during the sharing (never worse)' }) shared!: TermsViewDto;
  @ApiProperty({ enum: ['proposed', 'accepted', 'declined'] }) proposalStatus!: string;
  @ApiProperty({ type: String, nullable: true }) agreementId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
}

export class AgreementDto {
  @ApiProperty() id!: string;
  @ApiProperty() proposalId!: string;
  @ApiProperty({ type: EmployerRefDto }) fromEmployer!: EmployerRefDto;
  @ApiProperty({ type: EmployerRefDto }) toEmployer!: EmployerRefDto;
  @ApiProperty() motherId!: string;
  @ApiProperty({ example: '王*' }) motherName!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: TermsViewDto }) termsBefore!: TermsViewDto;
  @ApiProperty({ type: TermsViewDto }) termsAfter!: TermsViewDto;
  @ApiProperty({ description: 'The service agreement between the two employers (Chinese)' }) text!: string;
  @ApiProperty() createdAt!: string;
}
