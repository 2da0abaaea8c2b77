import {
  CLAIM_STATUS_LABELS,
  CONTRACT_FORM_LABELS,
  POLICY_RULE_CODES,
  type ClaimStatus,
  type ClaimableSubsidyCode,
  type MinimumWage,
  type PolicyDraft,
  type PolicyRuleCode,
  type SubsidyItem,
} from '@mamagang/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
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
import type { ClaimSummary } from '../subsidy-facts.repository';
import type { PolicyVersionView } from '../policy-data.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NOT_BLANK = /\S/;

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export class PolicyHistoryQueryDto {
  @ApiProperty({ example: '371000' })
  @Matches(/^\d{6}$/, { message: '地区代码应为6位数字' })
  regionCode!: string;
}

/** One subsidy of a policy: `code` decides which figures are needed (see the domain's checkPolicyDraft). */
export class PolicyRuleInputDto {
  @ApiProperty({ enum: POLICY_RULE_CODES })
  @IsIn(POLICY_RULE_CODES, { message: '未知的补贴项目' })
  code!: PolicyRuleCode;

  @ApiProperty({ example: '用人单位社会保险补贴' })
  @IsString()
  @Length(1, 50, { message: '补贴名称应为1-50个字' })
  label!: string;

  @ApiProperty({ example: '第3条' })
  @IsString()
  @Length(1, 50, { message: '条款应为1-50个字' })
  clause!: string;

  @ApiPropertyOptional({ enum: ['employer', 'mother'], description: 'Accepted so a version read from GET can be sent back; the rule’s own beneficiary is kept' })
  @IsOptional()
  @IsIn(['employer', 'mother'])
  beneficiary?: 'employer' | 'mother';

  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '金额应为数字' }) @Min(0) @Max(10_000_000) amountPerMonth?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '月数应为数字' }) @Min(0) @Max(120) maxMonths?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '月数应为数字' }) @Min(0) @Max(120) minContractMonths?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '月数应为数字' }) @Min(0) @Max(120) minAgreementMonths?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '金额应为数字' }) @Min(0) @Max(10_000_000) perClassHour?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '金额应为数字' }) @Min(0) @Max(10_000_000) capPerPerson?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '金额应为数字' }) @Min(0) @Max(10_000_000) amountPerYear?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '年数应为数字' }) @Min(0) @Max(10) years?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '月数应为数字' }) @Min(0) @Max(120) minUnemployedMonths?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '金额应为数字' }) @Min(0) @Max(10_000_000) capPerPersonPerYear?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '金额应为数字' }) @Min(0) @Max(10_000_000) smallFirm?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '金额应为数字' }) @Min(0) @Max(10_000_000) individualBusiness?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '金额应为数字' }) @Min(0) @Max(10_000_000) max?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({}, { message: '金额应为数字' }) @Min(0) @Max(10_000_000) partnershipMax?: number;
}

/** POST /official/policies: a new version of a region's policy, in force from `effectiveFrom`. */
export class CreatePolicyVersionDto {
  @ApiProperty({ example: '371000' })
  @Matches(/^\d{6}$/, { message: '地区代码应为6位数字' })
  regionCode!: string;

  @ApiProperty({ example: '关于推行“妈妈岗”就业模式的十条措施' })
  @IsString()
  @Length(1, 200, { message: '政策名称应为1-200个字' })
  title!: string;

  @ApiProperty({ example: '威人社字〔2025〕6号' })
  @IsString()
  @Length(1, 100, { message: '文号应为1-100个字' })
  source!: string;

  @ApiProperty({ example: '2025-04-21' })
  @Matches(DATE, { message: '发文日期格式应为YYYY-MM-DD' })
  issuedOn!: string;

  @ApiProperty({ example: '2026-01-01' })
  @Matches(DATE, { message: '生效日期格式应为YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day in force, inclusive; open-ended when absent' })
  @IsOptional()
  @Matches(DATE, { message: '截止日期格式应为YYYY-MM-DD' })
  effectiveTo?: string;

  @ApiProperty({ type: [PolicyRuleInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少填写一项补贴或优惠' })
  @ArrayMaxSize(10, { message: '最多10项' })
  @IsObject({ each: true, message: '每一项都应为对象' })
  @ValidateNested({ each: true })
  @Type(() => PolicyRuleInputDto)
  rules!: PolicyRuleInputDto[];

  @ApiProperty({ example: '社保补贴标准调整为每人每月350元', description: 'Why the change: kept with the version' })
  @IsString()
  @Length(2, 500, { message: '请用2-500字说明这次调整' })
  @Matches(NOT_BLANK, { message: '请说明这次调整' })
  note!: string;
}

/** POST /official/minimum-wages: a new minimum wage for a region, in force from `effectiveFrom`. */
export class CreateMinimumWageDto {
  @ApiProperty({ example: '371000' })
  @Matches(/^\d{6}$/, { message: '地区代码应为6位数字' })
  regionCode!: string;

  @ApiProperty({ example: 2300 })
  @IsNumber({}, { message: '月最低工资应为数字' })
  @Min(0)
  @Max(100_000)
  monthly!: number;

  @ApiProperty({ example: 23 })
  @IsNumber({}, { message: '小时最低工资应为数字' })
  @Min(0)
  @Max(1_000)
  hourly!: number;

  @ApiProperty({ example: '山东省人民政府关于调整全省最低工资标准的通知' })
  @IsString()
  @Length(1, 200, { message: '依据文件应为1-200个字' })
  source!: string;

  @ApiProperty({ example: '2026-03-01' })
  @Matches(DATE, { message: '生效日期格式应为YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DATE, { message: '截止日期格式应为YYYY-MM-DD' })
  effectiveTo?: string;

  @ApiPropertyOptional({ description: 'What still needs checking against the notice, shown with the figure' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '备注不超过500个字' })
  wageNote?: string;

  @ApiProperty({ description: 'Why the change: kept with the version' })
  @IsString()
  @Length(2, 500, { message: '请用2-500字说明这次调整' })
  @Matches(NOT_BLANK, { message: '请说明这次调整' })
  note!: string;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class PolicyRuleDto {
  @ApiProperty({ enum: POLICY_RULE_CODES }) code!: PolicyRuleCode;
  @ApiProperty() label!: string;
  @ApiProperty() clause!: string;
  @ApiProperty({ enum: ['employer', 'mother'] }) beneficiary!: 'employer' | 'mother';
  @ApiPropertyOptional() amountPerMonth?: number;
  @ApiPropertyOptional() maxMonths?: number;
  @ApiPropertyOptional() minContractMonths?: number;
  @ApiPropertyOptional() minAgreementMonths?: number;
  @ApiPropertyOptional() perClassHour?: number;
  @ApiPropertyOptional() capPerPerson?: number;
  @ApiPropertyOptional() amountPerYear?: number;
  @ApiPropertyOptional() years?: number;
  @ApiPropertyOptional() minUnemployedMonths?: number;
  @ApiPropertyOptional() capPerPersonPerYear?: number;
  @ApiPropertyOptional() smallFirm?: number;
  @ApiPropertyOptional() individualBusiness?: number;
  @ApiPropertyOptional() max?: number;
  @ApiPropertyOptional() partnershipMax?: number;
}

export class PolicyDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() source!: string;
  @ApiProperty() issuedOn!: string;
  @ApiProperty() effectiveFrom!: string;
  @ApiProperty({ nullable: true, type: String }) effectiveTo!: string | null;
  @ApiProperty({ type: [PolicyRuleDto] }) rules!: PolicyRuleDto[];
}

export class MinimumWageDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() monthly!: number;
  @ApiProperty() hourly!: number;
  @ApiProperty() source!: string;
  @ApiProperty() effectiveFrom!: string;
  @ApiProperty({ nullable: true, type: String }) effectiveTo!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class PolicyVersionDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['policy', 'minimum_wage'] }) kind!: 'policy' | 'minimum_wage';
  @ApiProperty() regionCode!: string;
  @ApiProperty() effectiveFrom!: string;
  @ApiProperty({ nullable: true, type: String }) effectiveTo!: string | null;
  @ApiProperty({ description: 'In force today for the region asked about' }) inForce!: boolean;
  @ApiProperty({ description: 'Why the version was recorded' }) note!: string;
  @ApiProperty({ nullable: true, type: String }) createdBy!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: PolicyDto }) policy?: PolicyDto;
  @ApiPropertyOptional({ type: MinimumWageDto }) minimumWage?: MinimumWageDto;
}

export function toPolicyDto(p: PolicyDraft): PolicyDto {
  return {
    regionCode: p.regionCode,
    regionName: p.regionName,
    title: p.title,
    source: p.source,
    issuedOn: p.issuedOn,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo ?? null,
    rules: p.rules.map((r) => ({ ...r }) as PolicyRuleDto),
  };
}

export function toMinimumWageDto(w: MinimumWage): MinimumWageDto {
  return {
    regionCode: w.regionCode,
    regionName: w.regionName,
    monthly: w.monthly,
    hourly: w.hourly,
    source: w.source,
    effectiveFrom: w.effectiveFrom,
    effectiveTo: w.effectiveTo ?? null,
    note: w.note ?? null,
  };
}

export function toPolicyVersionDto(v: PolicyVersionView): PolicyVersionDto {
  const dto: PolicyVersionDto = {
    id: v.id,
    kind: v.kind,
    regionCode: v.regionCode,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    inForce: v.inForce,
    note: v.note,
    createdBy: v.createdByName,
    createdAt: v.createdAt.toISOString(),
  };
  if (v.kind === 'policy') dto.policy = toPolicyDto(v.payload as unknown as PolicyDraft);
  else dto.minimumWage = toMinimumWageDto(v.payload as unknown as MinimumWage);
  return dto;
}

/** The policy a figure was worked out under. */
export class PolicyRefDto {
  @ApiProperty() versionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() source!: string;
  @ApiProperty() effectiveFrom!: string;
  @ApiProperty({ nullable: true, type: String }) effectiveTo!: string | null;
}

export class SubsidyItemDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['employer', 'mother'] }) beneficiary!: 'employer' | 'mother';
  @ApiProperty({ example: '中府函〔2022〕226号 第3条' }) basis!: string;
  @ApiProperty({ description: 'Every condition is met' }) applies!: boolean;
  @ApiPropertyOptional() amountPerMonth?: number;
  @ApiPropertyOptional() months?: number;
  @ApiPropertyOptional() amountPerYear?: number;
  @ApiPropertyOptional() years?: number;
  @ApiProperty({ description: 'Yuan now; 0 unless it applies' }) total!: number;
  @ApiProperty({ description: 'Yuan once every condition is met' }) potentialTotal!: number;
  @ApiProperty({ type: [String], description: 'How the figure is worked out' }) reasons!: string[];
  @ApiProperty({ type: [String], description: 'Each condition not yet met' }) missing!: string[];
}

export function toSubsidyItemDto(i: SubsidyItem): SubsidyItemDto {
  return {
    code: i.code,
    label: i.label,
    beneficiary: i.beneficiary,
    basis: i.basis,
    applies: i.applies,
    ...(i.amountPerMonth !== undefined ? { amountPerMonth: i.amountPerMonth } : {}),
    ...(i.months !== undefined ? { months: i.months } : {}),
    ...(i.amountPerYear !== undefined ? { amountPerYear: i.amountPerYear } : {}),
    ...(i.years !== undefined ? { years: i.years } : {}),
    total: i.total,
    potentialTotal: i.potentialTotal,
    reasons: i.reasons,
    missing: i.missing,
  };
}

export class ClaimBriefDto {
  @ApiProperty() id!: string;
  @ApiProperty() hireId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() subsidyCode!: ClaimableSubsidyCode;
  @ApiProperty({ enum: ['proposed', 'submitted', 'approved', 'rejected'] }) status!: ClaimStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ enum: ['employer', 'auto', 'mother'], description: 'auto: proposed by the system (免申即享); mother: her own claim' }) source!: 'employer' | 'auto' | 'mother';
  @ApiProperty() periodFrom!: string;
  @ApiProperty() periodTo!: string;
  @ApiProperty() amount!: number;
}

export function toClaimBriefDto(c: ClaimSummary): ClaimBriefDto {
  return {
    id: c.id,
    hireId: c.hireId,
    employerName: c.employerName,
    subsidyCode: c.subsidyCode,
    status: c.status,
    statusLabel: CLAIM_STATUS_LABELS[c.status],
    source: c.source,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    amount: c.amount,
  };
}

export class EligibilityDto {
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: [String] }) reasons!: string[];
}

export class MotherPolicyCentreDto {
  @ApiProperty({ description: 'The day the figures are for (today, China time)' }) on!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ type: PolicyRefDto, nullable: true }) policy!: PolicyRefDto | null;
  @ApiProperty({ description: 'One sentence to open the page with' }) summary!: string;
  @ApiProperty({ type: EligibilityDto }) eligibility!: EligibilityDto;
  @ApiProperty({ type: [SubsidyItemDto] }) items!: SubsidyItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ type: [ClaimBriefDto], description: 'Claims for hires of hers, incl. those the system put forward (免申即享)' })
  claims!: ClaimBriefDto[];
  @ApiProperty({ type: () => [MotherHireDto], description: 'Her hires, newest first (the ones her own claim may name)' })
  hires!: MotherHireDto[];
}

export class MotherHireDto {
  @ApiProperty() hireId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() postTitle!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() contractForm!: string;
  @ApiProperty() contractLabel!: string;
  @ApiProperty() contractMonths!: number;
  @ApiProperty({ nullable: true, type: String }) endedOn!: string | null;
}

export class EmployerStandingDto {
  @ApiProperty({ description: 'Filed and approved' }) approved!: boolean;
  @ApiProperty() isLabourDispatch!: boolean;
}

export class GeneralEstimateDto {
  @ApiProperty({ description: 'The hire the figures assume' }) assumption!: string;
  @ApiProperty({ type: [SubsidyItemDto] }) items!: SubsidyItemDto[];
  @ApiProperty() total!: number;
}

export class HireSubsidiesDto {
  @ApiProperty() hireId!: string;
  @ApiProperty({ example: '王*' }) motherName!: string;
  @ApiProperty() postTitle!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() contractForm!: string;
  @ApiProperty() contractLabel!: string;
  @ApiProperty() contractMonths!: number;
  @ApiProperty() socialInsurance!: boolean;
  @ApiProperty({ nullable: true, type: String }) endedOn!: string | null;
  @ApiProperty({ type: PolicyRefDto, nullable: true, description: 'The policy in force on the start date' }) policy!: PolicyRefDto | null;
  @ApiProperty({ type: [SubsidyItemDto] }) items!: SubsidyItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ type: [ClaimBriefDto] }) claims!: ClaimBriefDto[];
}

export class EmployerPolicyCentreDto {
  @ApiProperty() on!: string;
  @ApiProperty() employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ type: PolicyRefDto, nullable: true }) policy!: PolicyRefDto | null;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: EmployerStandingDto }) employer!: EmployerStandingDto;
  @ApiProperty({ type: GeneralEstimateDto, description: 'What one typical 妈妈岗 hire brings under today’s policy' }) general!: GeneralEstimateDto;
  @ApiProperty({ type: [HireSubsidiesDto], description: 'Its reported hires, newest first (at most 50)' }) hires!: HireSubsidiesDto[];
  @ApiProperty({ description: 'Sum of what its hires get now' }) total!: number;
}

export const contractLabel = (form: string): string => CONTRACT_FORM_LABELS[form as keyof typeof CONTRACT_FORM_LABELS] ?? form;
