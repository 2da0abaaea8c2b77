import { FRAUD_RULES, FRAUD_RULE_CODES, maskName, type FraudObjectKind, type FraudRuleCode } from '@mamagang/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { FlagOutcome, FlagStatus } from '../fraud-flag.entity';
import type { FlagView, ScanSummary } from '../fraud.service';

const NOT_BLANK = /\S/;
const OUTCOMES: readonly FlagOutcome[] = ['confirmed', 'dismissed'];

export class ScanDto {
  @ApiPropertyOptional({ example: '371000', description: 'One of my regions; all of them when absent' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;
}

export class FlagsQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved', 'all'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'resolved', 'all'], { message: '状态不正确' })
  status?: FlagStatus | 'all';

  @ApiPropertyOptional({ enum: FRAUD_RULE_CODES })
  @IsOptional()
  @IsIn(FRAUD_RULE_CODES, { message: '规则不正确' })
  rule?: FraudRuleCode;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为整数' })
  @Min(1, { message: '页码从1开始' })
  @Max(500, { message: '页码过大' })
  page?: number;
}

export class ResolveFlagDto {
  @ApiProperty({ enum: OUTCOMES, description: 'confirmed: a real problem, to be handled by the usual procedures; dismissed: honest' })
  @IsIn(OUTCOMES, { message: '请选择核查结论' })
  outcome!: FlagOutcome;

  @ApiProperty({ example: '已电话核实，妈妈因孩子生病离职，情况属实' })
  @IsString()
  @Length(2, 500, { message: '请填写2-500字的核查说明' })
  @Matches(NOT_BLANK, { message: '请填写核查说明' })
  note!: string;
}

export class ScanSummaryDto {
  @ApiProperty() found!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ type: Object, description: 'Findings per rule' }) byRule!: Record<string, number>;
}

export function toScanSummaryDto(s: ScanSummary): ScanSummaryDto {
  return { found: s.found, created: s.created, updated: s.updated, byRule: s.byRule };
}

export class FlagObjectDto {
  @ApiProperty({ enum: ['mother', 'employer', 'hire', 'post', 'claim', 'application', 'complaint', 'promise_check'] }) kind!: FraudObjectKind;
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'A name to show: employer name, post title, masked mother name, hire start' }) label!: string | null;
}

export class FlagDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: FRAUD_RULE_CODES }) rule!: FraudRuleCode;
  @ApiProperty() ruleLabel!: string;
  @ApiProperty() ruleDescription!: string;
  @ApiProperty({ description: 'What the rule saw, in Chinese' }) explanation!: string;
  @ApiProperty({ type: [FlagObjectDto] }) objects!: FlagObjectDto[];
  @ApiProperty() regionCode!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: FlagStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ nullable: true, enum: OUTCOMES }) outcome!: FlagOutcome | null;
  @ApiProperty({ nullable: true, type: String }) outcomeLabel!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolutionNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty() firstSeenAt!: string;
  @ApiProperty() lastSeenAt!: string;
  @ApiProperty({ example: '本提示仅供人工核查，不是处罚依据' }) notice!: string;
}

export class FlagPageDto {
  @ApiProperty({ type: [FlagDto] }) items!: FlagDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
}

const OUTCOME_LABELS: Record<FlagOutcome, string> = { confirmed: '核实存在问题', dismissed: '核实无问题' };

export function toFlagDto({ flag, labels }: FlagView): FlagDto {
  return {
    id: flag.id,
    rule: flag.rule,
    ruleLabel: FRAUD_RULES[flag.rule]?.label ?? flag.rule,
    ruleDescription: FRAUD_RULES[flag.rule]?.description ?? '',
    explanation: flag.explanation,
    objects: flag.objects.map((o) => {
      const label = labels.get(o.id) ?? null;
      return { kind: o.kind, id: o.id, label: label !== null && o.kind === 'mother' ? maskName(label || '妈妈') : label };
    }),
    regionCode: flag.regionCode,
    status: flag.status,
    statusLabel: flag.status === 'open' ? '待核查' : '已处理',
    outcome: flag.outcome,
    outcomeLabel: flag.outcome ? OUTCOME_LABELS[flag.outcome] : null,
    resolutionNote: flag.resolutionNote,
    resolvedBy: flag.resolvedByName,
    resolvedAt: flag.resolvedAt?.toISOString() ?? null,
    firstSeenAt: flag.firstSeenAt.toISOString(),
    lastSeenAt: flag.lastSeenAt.toISOString(),
    notice: '本提示仅供人工核查，不是处罚依据',
  };
}
