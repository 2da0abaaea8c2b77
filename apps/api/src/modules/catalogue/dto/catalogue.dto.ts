import {
  CHILDCARE_STAGES,
  CHILDCARE_STAGE_CODES,
  CONTRACT_FORM_CODES,
  CONTRACT_FORM_LABELS,
  EMPLOYER_KIND_CODES,
  EMPLOYER_KIND_LABELS,
  INSURANCE_KIND_CODES,
  INSURANCE_KIND_LABELS,
  PAY_BASIS_CODES,
  PAY_BASIS_LABELS,
  PAY_BASIS_UNITS,
  POST_CATEGORY_CODES,
  POST_CATEGORY_LABELS,
  POST_TYPE_CODES,
  WORKING_MODES,
  WORKING_MODE_CODES,
  type PostTypeCode,
} from '@mamagang/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { RegionEntity } from '../../regions/region.entity';

export class DefaultsQueryDto {
  @ApiProperty({ enum: POST_TYPE_CODES })
  @IsIn(POST_TYPE_CODES, { message: '岗位类型不正确' })
  type!: PostTypeCode;
}

export class RegionsQueryDto {
  @ApiPropertyOptional({ example: '371000', description: 'Omitted: the top-level regions (provinces)' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '地区代码应为6位数字' })
  parent?: string;
}

export class CodeLabelDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
}

export class StageDto extends CodeLabelDto {
  @ApiProperty({ example: '6-12岁' }) ageText!: string;
  @ApiProperty() description!: string;
}

export class ModeOptionDto extends CodeLabelDto {
  @ApiProperty() description!: string;
}

export class PayBasisOptionDto extends CodeLabelDto {
  @ApiProperty({ example: '元/月' }) unit!: string;
}

export class CategoryDto extends CodeLabelDto {}

/** What a new post of a type starts with (GET /posts/defaults, and each type of the catalogue). */
export class PostDefaultsDto {
  @ApiProperty() type!: string;
  @ApiProperty() payBasis!: string;
  @ApiProperty() payBasisLabel!: string;
  @ApiProperty() insurance!: string;
  @ApiProperty() insuranceLabel!: string;
  @ApiProperty() contractForm!: string;
  @ApiProperty() contractLabel!: string;
  @ApiProperty() timeRule!: string;
  @ApiProperty() timeRuleLabel!: string;
  @ApiProperty() placeRule!: string;
  @ApiProperty() placeRuleLabel!: string;
  @ApiProperty() skillLevel!: string;
  @ApiProperty() skillLevelLabel!: string;
  @ApiProperty({ type: [CodeLabelDto] }) modes!: CodeLabelDto[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The stage a post of this type suits, when it suits one only' })
  stage!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) stageLabel!: string | null;
}

export class PostTypeDto {
  @ApiProperty() code!: string;
  @ApiProperty({ example: '生产线' }) label!: string;
  @ApiProperty({ example: '生产线“妈妈岗”' }) fullLabel!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Set for the three stage types' }) stage!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Set for the employer-kind types' }) category!: string | null;
  @ApiProperty() timePlaceText!: string;
  @ApiProperty({ type: [String], description: 'Allowed codes; the first is the default' }) payBases!: string[];
  @ApiProperty({ type: [String] }) insuranceKinds!: string[];
  @ApiProperty({ type: [String] }) contractForms!: string[];
  @ApiProperty({ type: [String] }) examples!: string[];
  @ApiProperty({ type: [String], description: 'Employer kinds that may offer it' }) employerKinds!: string[];
  @ApiProperty({ type: PostDefaultsDto }) defaults!: PostDefaultsDto;
}

export class CatalogueDto {
  @ApiProperty({ type: [PostTypeDto] }) postTypes!: PostTypeDto[];
  @ApiProperty({ type: [StageDto] }) stages!: StageDto[];
  @ApiProperty({ type: [CategoryDto] }) categories!: CategoryDto[];
  @ApiProperty({ type: [ModeOptionDto] }) modes!: ModeOptionDto[];
  @ApiProperty({ type: [CodeLabelDto] }) employerKinds!: CodeLabelDto[];
  @ApiProperty({ type: [PayBasisOptionDto] }) payBases!: PayBasisOptionDto[];
  @ApiProperty({ type: [CodeLabelDto] }) insuranceKinds!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) contractForms!: CodeLabelDto[];
}

export class RegionCenterDto {
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
}

export class RegionDto {
  @ApiProperty({ example: '371002' }) code!: string;
  @ApiProperty({ example: '环翠区' }) name!: string;
  @ApiProperty({ enum: ['province', 'city', 'district'] }) level!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) parentCode!: string | null;
  @ApiProperty({ type: RegionCenterDto }) center!: RegionCenterDto;
}

export function toRegionDto(r: RegionEntity): RegionDto {
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, center: { lat: r.centerLat, lng: r.centerLng } };
}

/** Label lists the catalogue hands out; the mini-program renders every code through them. */
export const CATALOGUE_OPTIONS = {
  stages: CHILDCARE_STAGE_CODES.map((code) => ({
    code,
    label: CHILDCARE_STAGES[code].label,
    ageText: CHILDCARE_STAGES[code].ageText,
    description: CHILDCARE_STAGES[code].description,
  })),
  categories: POST_CATEGORY_CODES.map((code) => ({ code, label: POST_CATEGORY_LABELS[code] })),
  modes: WORKING_MODE_CODES.map((code) => ({ code, label: WORKING_MODES[code].label, description: WORKING_MODES[code].description })),
  employerKinds: EMPLOYER_KIND_CODES.map((code) => ({ code, label: EMPLOYER_KIND_LABELS[code] })),
  payBases: PAY_BASIS_CODES.map((code) => ({ code, label: PAY_BASIS_LABELS[code], unit: PAY_BASIS_UNITS[code] })),
  insuranceKinds: INSURANCE_KIND_CODES.map((code) => ({ code, label: INSURANCE_KIND_LABELS[code] })),
  contractForms: CONTRACT_FORM_CODES.map((code) => ({ code, label: CONTRACT_FORM_LABELS[code] })),
};
