import {
  CHILDCARE_STAGES,
  CONTRACT_FORM_LABELS,
  INSURANCE_KIND_LABELS,
  PAY_BASIS_LABELS,
  PLACE_RULE_LABELS,
  POST_TYPES,
  POST_TYPE_CODES,
  SKILL_LEVEL_LABELS,
  TIME_RULE_LABELS,
  WORKING_MODES,
  defaultsForType,
  type PostTypeCode,
} from '@mamagang/domain';
import { Injectable } from '@nestjs/common';
import type { RegionEntity } from '../regions/region.entity';
import { RegionsRepository } from '../regions/regions.repository';
import { CATALOGUE_OPTIONS, type CatalogueDto, type PostDefaultsDto, type PostTypeDto } from './dto/catalogue.dto';

/** What a new post of a type starts with, with the label of every code. */
export function postDefaults(type: PostTypeCode): PostDefaultsDto {
  const d = defaultsForType(type);
  return {
    type,
    payBasis: d.payBasis,
    payBasisLabel: PAY_BASIS_LABELS[d.payBasis],
    insurance: d.insurance,
    insuranceLabel: INSURANCE_KIND_LABELS[d.insurance],
    contractForm: d.contractForm,
    contractLabel: CONTRACT_FORM_LABELS[d.contractForm],
    timeRule: d.timeRule,
    timeRuleLabel: TIME_RULE_LABELS[d.timeRule],
    placeRule: d.placeRule,
    placeRuleLabel: PLACE_RULE_LABELS[d.placeRule],
    skillLevel: d.skillLevel,
    skillLevelLabel: SKILL_LEVEL_LABELS[d.skillLevel],
    modes: d.modes.map((code) => ({ code, label: WORKING_MODES[code].label })),
    stage: d.stage ?? null,
    stageLabel: d.stage ? CHILDCARE_STAGES[d.stage].label : null,
  };
}

function postType(code: PostTypeCode): PostTypeDto {
  const t = POST_TYPES[code];
  return {
    code,
    label: t.label,
    fullLabel: t.fullLabel,
    stage: t.stage ?? null,
    category: t.category ?? null,
    timePlaceText: t.timePlaceText,
    payBases: [...t.payBases],
    insuranceKinds: [...t.insuranceKinds],
    contractForms: [...t.contractForms],
    examples: [...t.examples],
    employerKinds: [...t.employerKinds],
    defaults: postDefaults(code),
  };
}

/** Built once: the catalogue is code, not data, and changes only with a release. */
const CATALOGUE: CatalogueDto = { postTypes: POST_TYPE_CODES.map(postType), ...CATALOGUE_OPTIONS };

/** The post catalogue and the regions: read-only reference data for every screen that picks a code. */
@Injectable()
export class CatalogueService {
  constructor(private readonly regions: RegionsRepository) {}

  getCatalogue(): CatalogueDto {
    return CATALOGUE;
  }

  defaults(type: PostTypeCode): PostDefaultsDto {
    return postDefaults(type);
  }

  /** The regions under `parent`, or the top-level ones. */
  listRegions(parent: string | undefined): Promise<RegionEntity[]> {
    return parent ? this.regions.findChildren(parent) : this.regions.findRoots();
  }
}
