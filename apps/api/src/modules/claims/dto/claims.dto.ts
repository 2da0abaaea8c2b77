import {
  CLAIMABLE_SUBSIDY_CODES,
  CLAIMABLE_SUBSIDY_LABELS,
  CLAIM_STATUS_LABELS,
  FRAUD_RULES,
  maskName,
  type ClaimCheckResult,
  type ClaimStatus,
  type ClaimableSubsidyCode,
  type FraudRuleCode,
} from '@mamagang/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ClaimRow, DecisionRow, FlagBrief } from '../claims.repository';
import type { ClaimSource } from '../subsidy-claim.entity';
import type { ClaimDetail } from '../claims.service';
import { IsDecimalNumber } from '../../../common/validation/decimal-number';

const NOT_BLANK = /\S/;
const STATUSES: readonly ClaimStatus[] = ['proposed', 'submitted', 'approved', 'rejected'];

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** POST /employers/:employerId/claims (and …/claims/check). */
export class ClaimInputDto {
  @ApiProperty({ description: 'A hire this employer reported' })
  @IsUUID('all', { message: '请选择录用记录' })
  hireId!: string;

  @ApiProperty({ enum: CLAIMABLE_SUBSIDY_CODES })
  @IsIn(CLAIMABLE_SUBSIDY_CODES, { message: '请选择补贴项目' })
  subsidyCode!: ClaimableSubsidyCode;

  @ApiPropertyOptional({ example: 12, description: 'Months of social insurance paid or planned (monthly subsidies)' })
  @IsOptional()
  @IsInt({ message: '缴费月数应为整数' })
  @Min(0, { message: '缴费月数不能为负' })
  @Max(120, { message: '缴费月数不超过120' })
  socialInsuranceMonths?: number;

  @ApiPropertyOptional({ example: 812.5, description: 'The employer’s own contribution per month, yuan (full reimbursement)' })
  @IsOptional()
  @IsDecimalNumber(2, { message: '缴费金额应为数字' })
  @Min(0)
  @Max(100_000)
  employerContributionPerMonth?: number;

  @ApiPropertyOptional({ example: 100, description: 'Accident-insurance premium paid for her for the year, yuan' })
  @IsOptional()
  @IsDecimalNumber(2, { message: '保险费应为数字' })
  @Min(0)
  @Max(100_000)
  accidentPremiumPerYear?: number;

  @ApiPropertyOptional({ description: 'For the training subsidy: the employer’s own course she attended' })
  @IsOptional()
  @IsUUID('all', { message: '课程不正确' })
  courseId?: string;
}

/** POST /claims/mine (and …/mine/check): her own 灵活就业人员社会保险补贴. */
export class MotherClaimInputDto {
  @ApiProperty({ description: 'A hire of hers under a service agreement' })
  @IsUUID('all', { message: '请选择录用记录' })
  hireId!: string;

  @ApiProperty({ example: '2022-08-20', description: 'The day she registered for flexible employment (灵活就业登记)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '灵活就业登记日期格式应为YYYY-MM-DD' })
  flexibleEmploymentRegisteredOn!: string;

  @ApiProperty({ example: 12, description: 'Months of social insurance she paid herself as a flexible worker' })
  @IsInt({ message: '自缴社保月数应为整数' })
  @Min(0, { message: '自缴社保月数不能为负' })
  @Max(120, { message: '自缴社保月数不超过120' })
  selfPaidInsuranceMonths!: number;

  @ApiPropertyOptional({ example: '2022-09', description: 'The month the claimed period starts; the hire’s start when absent (never before it)' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '申请起始月份格式应为YYYY-MM' })
  periodFrom?: string;
}

export class ClaimListQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: '状态不正确' })
  status?: ClaimStatus;
}

export class OfficialClaimsQueryDto extends ClaimListQueryDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为整数' })
  @Min(1, { message: '页码从1开始' })
  @Max(500, { message: '页码过大' })
  page?: number;
}

export class ApproveClaimDto {
  @ApiPropertyOptional({ example: '材料齐全，同意' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '审核意见不超过500个字' })
  reason?: string;
}

export class RejectClaimDto {
  @ApiProperty({ example: '社保缴费记录与申报不符' })
  @IsString()
  @Length(2, 500, { message: '请填写2-500字的不予批准原因' })
  @Matches(NOT_BLANK, { message: '请填写不予批准原因' })
  reason!: string;
}

export class ProposeDto {
  @ApiPropertyOptional({ example: '371000', description: 'One of my regions; all of them when absent' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;
}

export class EndHireDto {
  @ApiProperty({ example: '2026-12-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '离职日期格式应为YYYY-MM-DD' })
  endedOn!: string;

  @ApiProperty({ example: '本人辞职' })
  @IsString()
  @Length(2, 200, { message: '请填写2-200字的离职原因' })
  @Matches(NOT_BLANK, { message: '请填写离职原因' })
  reason!: string;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class ClaimCheckItemDto {
  @ApiProperty({ example: 'contract' }) code!: string;
  @ApiProperty({ example: '合同形式与期限' }) label!: string;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ example: '已签订劳动合同，期限12个月（要求12个月以上）' }) reason!: string;
}

export class ClaimCheckDto {
  @ApiProperty() passes!: boolean;
  @ApiProperty({ type: [ClaimCheckItemDto] }) checks!: ClaimCheckItemDto[];
  @ApiProperty({ description: 'Yuan when it passes; 0 otherwise' }) amount!: number;
  @ApiProperty({ description: 'Yuan once every check passes' }) potentialAmount!: number;
  @ApiProperty() periodFrom!: string;
  @ApiProperty() periodTo!: string;
  @ApiPropertyOptional() months?: number;
  @ApiPropertyOptional() classHours?: number;
  @ApiProperty({ example: '中府函〔2022〕226号 第3条' }) basis!: string;
  @ApiProperty({ description: 'False when only data the employer must supply is missing' }) dataComplete!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'The policy version the check ran under' }) policyVersionId!: string | null;
}

export function toClaimCheckDto(r: ClaimCheckResult, policyVersionId: string | null): ClaimCheckDto {
  return {
    passes: r.passes,
    checks: r.checks.map((c) => ({ code: c.code, label: c.label, passed: c.passed, reason: c.reason })),
    amount: r.amount,
    potentialAmount: r.potentialAmount,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    ...(r.months !== undefined ? { months: r.months } : {}),
    ...(r.classHours !== undefined ? { classHours: r.classHours } : {}),
    basis: r.basis,
    dataComplete: r.dataComplete,
    policyVersionId,
  };
}

export class ClaimDeclaredDto {
  @ApiProperty({ nullable: true, type: Number }) socialInsuranceMonths!: number | null;
  @ApiProperty({ nullable: true, type: Number }) employerContributionPerMonth!: number | null;
  @ApiProperty({ nullable: true, type: Number }) accidentPremiumPerYear!: number | null;
  @ApiProperty({ nullable: true, type: String }) courseId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Her own claim: the flexible-employment registration date she declared' })
  flexibleEmploymentRegisteredOn!: string | null;
}

export class ClaimDto {
  @ApiProperty() id!: string;
  @ApiProperty() hireId!: string;
  @ApiProperty() employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ example: '王*' }) motherName!: string;
  @ApiProperty() postTitle!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ enum: CLAIMABLE_SUBSIDY_CODES }) subsidyCode!: ClaimableSubsidyCode;
  @ApiProperty() subsidyLabel!: string;
  @ApiProperty({ enum: ['employer', 'auto', 'mother'], description: 'auto: put forward by the system (免申即享); mother: her own claim' }) source!: ClaimSource;
  @ApiProperty() sourceLabel!: string;
  @ApiProperty({ enum: STATUSES }) status!: ClaimStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() periodFrom!: string;
  @ApiProperty() periodTo!: string;
  @ApiProperty({ nullable: true, type: Number }) months!: number | null;
  @ApiProperty({ nullable: true, type: Number }) classHours!: number | null;
  @ApiProperty({ type: ClaimDeclaredDto }) declared!: ClaimDeclaredDto;
  @ApiProperty({ description: 'Yuan, as last checked (at decision: as decided)' }) amount!: number;
  @ApiProperty() basis!: string;
  @ApiProperty({ description: 'The policy version it was checked (and decided) under' }) policyVersionId!: string;
  @ApiProperty({ type: ClaimCheckDto }) check!: ClaimCheckDto;
  @ApiProperty({ nullable: true, type: String }) decisionReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

const SOURCE_LABELS: Record<ClaimSource, string> = { employer: '单位申请', auto: '免申即享（系统推送）', mother: '本人申请' };

export function toClaimDto(c: ClaimRow): ClaimDto {
  return {
    id: c.id,
    hireId: c.hireId,
    employerId: c.employerId,
    employerName: c.employerName,
    motherName: c.motherName ? maskName(c.motherName) : '妈妈',
    postTitle: c.postTitle,
    regionCode: c.regionCode,
    subsidyCode: c.subsidyCode,
    subsidyLabel: CLAIMABLE_SUBSIDY_LABELS[c.subsidyCode],
    source: c.source,
    sourceLabel: SOURCE_LABELS[c.source],
    status: c.status,
    statusLabel: c.source === 'mother' && c.status === 'submitted' ? '本人已申请待审核' : CLAIM_STATUS_LABELS[c.status],
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    months: c.months,
    classHours: c.classHours,
    declared: {
      socialInsuranceMonths: c.socialInsuranceMonths,
      employerContributionPerMonth: c.employerContributionPerMonth,
      accidentPremiumPerYear: c.accidentPremiumPerYear,
      courseId: c.courseId,
      flexibleEmploymentRegisteredOn: c.flexibleEmploymentRegisteredOn,
    },
    amount: c.amount,
    basis: c.basis,
    policyVersionId: c.policyVersionId,
    // A stored result always has every field; the row's own columns stand in should one be missing.
    check: toClaimCheckDto(
      { passes: false, checks: [], amount: c.amount, potentialAmount: c.amount, periodFrom: c.periodFrom, periodTo: c.periodTo, basis: c.basis, dataComplete: true, ...(c.check as Partial<ClaimCheckResult>) },
      c.policyVersionId,
    ),
    decisionReason: c.decisionReason,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

const ACTION_LABELS: Record<ClaimStatus, string> = { proposed: '系统推送', submitted: '单位申请', approved: '批准', rejected: '不予批准' };

export class ClaimDecisionDto {
  @ApiProperty({ enum: STATUSES }) action!: ClaimStatus;
  @ApiProperty() actionLabel!: string;
  @ApiProperty({ description: 'Who: a name, or 系统 for 免申即享' }) actor!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: Number }) amount!: number | null;
  @ApiProperty({ nullable: true, type: String }) policyVersionId!: string | null;
  @ApiProperty() at!: string;
}

export class ClaimFlagDto {
  @ApiProperty() id!: string;
  @ApiProperty() rule!: string;
  @ApiProperty() ruleLabel!: string;
  @ApiProperty() explanation!: string;
}

export class ClaimDetailDto extends ClaimDto {
  @ApiProperty({ type: [ClaimDecisionDto], description: 'Every step, oldest first' }) decisions!: ClaimDecisionDto[];
  @ApiProperty({ type: [ClaimFlagDto], description: 'Open fraud flags about this hire, employer or mother (officials only; never a decision)' })
  flags!: ClaimFlagDto[];
}

function toDecisionDto(d: DecisionRow, source: ClaimSource): ClaimDecisionDto {
  return {
    action: d.action,
    actionLabel: source === 'mother' && d.action === 'submitted' ? '本人申请' : ACTION_LABELS[d.action],
    actor: d.actorId ? (d.actorName ?? '') : '系统',
    reason: d.reason,
    amount: d.amount,
    policyVersionId: d.policyVersionId,
    at: d.createdAt.toISOString(),
  };
}

function toFlagDto(f: FlagBrief): ClaimFlagDto {
  return { id: f.id, rule: f.rule, ruleLabel: FRAUD_RULES[f.rule as FraudRuleCode]?.label ?? f.rule, explanation: f.explanation };
}

export function toClaimDetailDto(d: ClaimDetail): ClaimDetailDto {
  return { ...toClaimDto(d.claim), decisions: d.decisions.map((x) => toDecisionDto(x, d.claim.source)), flags: d.flags.map(toFlagDto) };
}

export class ClaimPageDto {
  @ApiProperty({ type: [ClaimDto] }) items!: ClaimDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
}

export class ProposalSummaryDto {
  @ApiProperty({ description: 'Hires looked at' }) examined!: number;
  @ApiProperty({ description: 'Claims put forward to officials' }) proposed!: number;
  @ApiProperty({ description: 'Employers told which data to supply' }) needsData!: number;
}

export class HireEndingDto {
  @ApiProperty() hireId!: string;
  @ApiProperty() endedOn!: string;
  @ApiProperty() reason!: string;
}
