/**
 * The 妈妈岗 post catalogue (威海市“妈妈岗”分类目录, annex to 威人社字〔2025〕6号) as typed data.
 *
 * Codes are stable: the API and the database store them. Chinese labels are what users see.
 *
 * A post type fixes time/place rules, pay bases, insurance, contract forms and skill level.
 * An employer may tighten a type (more protection for the mother), never contradict it;
 * `checkPostAgainstType` enforces that.
 */

// ---------------------------------------------------------------------------------------------
// Childcare stages
// ---------------------------------------------------------------------------------------------

export type ChildcareStage = 'full_companion' | 'flexible_balance' | 'settled_work';

export const CHILDCARE_STAGE_CODES: readonly ChildcareStage[] = ['full_companion', 'flexible_balance', 'settled_work'];

export interface ChildcareStageDef {
  code: ChildcareStage;
  label: string;
  /** Age range of the youngest child in completed months: minMonths <= age < maxMonths. */
  minMonths: number;
  maxMonths: number;
  ageText: string;
  description: string;
}

export const CHILDCARE_STAGES: Record<ChildcareStage, ChildcareStageDef> = {
  full_companion: {
    code: 'full_companion',
    label: '全程陪伴型',
    minMonths: 0,
    maxMonths: 36,
    ageText: '0-3岁',
    description: '孩子不满3岁，需要全程陪伴，适合时间、地点都灵活的工作',
  },
  flexible_balance: {
    code: 'flexible_balance',
    label: '弹性兼顾型',
    minMonths: 36,
    maxMonths: 72,
    ageText: '3-6岁',
    description: '孩子3至6岁上幼儿园，适合每天或每周固定到岗一段时间、其余时间灵活的工作',
  },
  settled_work: {
    code: 'settled_work',
    label: '安心工作型',
    minMonths: 72,
    maxMonths: 144,
    ageText: '6-12岁',
    description: '孩子6至12岁上小学，适合时间地点固定、可按需请假的工作',
  },
};

// ---------------------------------------------------------------------------------------------
// Employers, categories, terms
// ---------------------------------------------------------------------------------------------

export type EmployerKind = 'enterprise' | 'individual_business' | 'social_organisation' | 'community' | 'platform' | 'government';

export const EMPLOYER_KIND_CODES: readonly EmployerKind[] = [
  'enterprise',
  'individual_business',
  'social_organisation',
  'community',
  'platform',
  'government',
];

export const EMPLOYER_KIND_LABELS: Record<EmployerKind, string> = {
  enterprise: '企业',
  individual_business: '个体工商户',
  social_organisation: '社会组织',
  community: '社区',
  platform: '新业态平台',
  government: '政府机关事业单位',
};

/** The four groups of the catalogue's employer-kind section. */
export type PostCategory = 'caring' | 'flexible' | 'autonomous' | 'public_welfare';

export const POST_CATEGORY_CODES: readonly PostCategory[] = ['caring', 'flexible', 'autonomous', 'public_welfare'];

export const POST_CATEGORY_LABELS: Record<PostCategory, string> = {
  caring: '关爱型',
  flexible: '灵活型',
  autonomous: '自主型',
  public_welfare: '公益性',
};

export const POST_CATEGORY_DESCRIPTIONS: Record<PostCategory, string> = {
  caring: '企业和个体经济组织提供的关爱型岗位',
  flexible: '社区和社会组织提供的灵活型岗位',
  autonomous: '新业态平台和个人创业的自主型岗位',
  public_welfare: '政府兜底提供的公益性岗位',
};

/**
 * 'own_income' exists only for the start-up type (自主创收): there is no employer paying her.
 * The catalogue's 按件, 按项目 and 按完成任务量 are all output-based pay; we map them to
 * per_piece and per_task and accept either wherever one is listed, because the difference is
 * only the unit the employer counts, not the kind of pay.
 */
export type PayBasis = 'hourly' | 'daily' | 'monthly' | 'per_piece' | 'per_task' | 'own_income';

export const PAY_BASIS_CODES: readonly PayBasis[] = ['hourly', 'daily', 'monthly', 'per_piece', 'per_task', 'own_income'];

export const PAY_BASIS_LABELS: Record<PayBasis, string> = {
  hourly: '按小时计酬',
  daily: '按天计酬',
  monthly: '按月计酬',
  per_piece: '按件计酬',
  per_task: '按任务量计酬',
  own_income: '自主创收',
};

/** Unit shown after an amount, e.g. "25元/小时". */
export const PAY_BASIS_UNITS: Record<PayBasis, string> = {
  hourly: '元/小时',
  daily: '元/天',
  monthly: '元/月',
  per_piece: '元/件',
  per_task: '元/单',
  own_income: '元',
};

export type InsuranceKind = 'social' | 'commercial' | 'flexible_social' | 'none';

export const INSURANCE_KIND_CODES: readonly InsuranceKind[] = ['social', 'flexible_social', 'commercial', 'none'];

export const INSURANCE_KIND_LABELS: Record<InsuranceKind, string> = {
  social: '社会保险',
  flexible_social: '灵活就业社会保险',
  commercial: '商业保险',
  none: '无保险',
};

/**
 * How much protection each kind gives her: employee social insurance (employer pays) over
 * flexible-employment social insurance (she pays, pension and medical) over commercial cover.
 */
export const INSURANCE_PROTECTION_RANK: Record<InsuranceKind, number> = {
  social: 3,
  flexible_social: 2,
  commercial: 1,
  none: 0,
};

export type ContractForm = 'labour_contract' | 'service_agreement' | 'service_contract' | 'none';

export const CONTRACT_FORM_CODES: readonly ContractForm[] = ['labour_contract', 'service_contract', 'service_agreement', 'none'];

export const CONTRACT_FORM_LABELS: Record<ContractForm, string> = {
  labour_contract: '劳动合同',
  service_agreement: '劳务协议',
  service_contract: '公益性岗位服务合同',
  none: '无需合同',
};

/** A labour contract gives her labour-law protection; a service agreement is a civil contract. */
export const CONTRACT_PROTECTION_RANK: Record<ContractForm, number> = {
  labour_contract: 3,
  service_contract: 2,
  service_agreement: 1,
  none: 0,
};

/** The catalogue names two levels: 基础技能 and 特定技能 (a trade or professional skill). */
export type SkillLevel = 'basic' | 'specific';

export const SKILL_LEVEL_CODES: readonly SkillLevel[] = ['basic', 'specific'];

export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = {
  basic: '基础技能',
  specific: '特定技能',
};

export type TimeRule =
  | 'flexible'
  | 'fixed'
  | 'partly_fixed'
  | 'mostly_fixed'
  | 'leave_on_demand'
  | 'leave_early'
  | 'seasonal'
  | 'short_daily'
  | 'follows_school';

export const TIME_RULE_CODES: readonly TimeRule[] = [
  'flexible',
  'fixed',
  'partly_fixed',
  'mostly_fixed',
  'leave_on_demand',
  'leave_early',
  'seasonal',
  'short_daily',
  'follows_school',
];

export const TIME_RULE_LABELS: Record<TimeRule, string> = {
  flexible: '时间灵活',
  fixed: '时间固定',
  partly_fixed: '每天或每周固定到岗一段时间，其余时间灵活',
  mostly_fixed: '时间相对固定',
  leave_on_demand: '时间固定，允许按需请假',
  leave_early: '可提前1-2小时下班',
  seasonal: '季节性、周期性短期用工，时段固定',
  short_daily: '每天固定时间工作2-3小时',
  follows_school: '可随孩子上下学时间上班',
};

export type PlaceRule = 'flexible' | 'fixed' | 'designated' | 'partly_fixed' | 'designated_or_flexible';

export const PLACE_RULE_CODES: readonly PlaceRule[] = ['flexible', 'fixed', 'designated', 'partly_fixed', 'designated_or_flexible'];

export const PLACE_RULE_LABELS: Record<PlaceRule, string> = {
  flexible: '地点灵活',
  fixed: '地点固定',
  designated: '地点特定（如客户家中、酒店）',
  partly_fixed: '部分时间到岗，其余地点灵活',
  designated_or_flexible: '地点特定或灵活',
};

// ---------------------------------------------------------------------------------------------
// Working modes (Shandong, 鲁人社字〔2024〕72号): tags usable on any post
// ---------------------------------------------------------------------------------------------

export type WorkingMode = 'flexible_leave' | 'mom_shift' | 'take_home' | 'new_economy';

export const WORKING_MODE_CODES: readonly WorkingMode[] = ['flexible_leave', 'mom_shift', 'take_home', 'new_economy'];

export const WORKING_MODES: Record<WorkingMode, { code: WorkingMode; label: string; description: string }> = {
  flexible_leave: { code: 'flexible_leave', label: '弹性妈妈岗', description: '工作时间地点灵活，可按需请假' },
  mom_shift: { code: 'mom_shift', label: '宝妈班组', description: '可自选上班时段，错开接送孩子的时间' },
  take_home: { code: 'take_home', label: '流动妈妈岗', description: '可把活带回家做' },
  new_economy: { code: 'new_economy', label: '新业态妈妈岗', description: '电商运营、直播带货、文创策划等新业态工作' },
};

// ---------------------------------------------------------------------------------------------
// Post types
// ---------------------------------------------------------------------------------------------

export type StagePostTypeCode = 'stage_full_companion' | 'stage_flexible_balance' | 'stage_settled_work';

export type EmployerKindPostTypeCode =
  | 'production_line'
  | 'short_term'
  | 'sales'
  | 'childcare_backed'
  | 'remote_online'
  | 'project_based'
  | 'domestic_service'
  | 'family_friendly'
  | 'handicraft'
  | 'volunteer'
  | 'school_canteen'
  | 'platform_economy'
  | 'startup'
  | 'public_welfare_urban'
  | 'public_welfare_rural';

export type PostTypeCode = StagePostTypeCode | EmployerKindPostTypeCode;

export interface PostTypeDef {
  code: PostTypeCode;
  /** Short label, e.g. "生产线"; `fullLabel` adds “妈妈岗”. */
  label: string;
  fullLabel: string;
  /** Which section of the catalogue the type comes from. */
  classification: 'stage' | 'employer_kind';
  /** Set for the three stage types only: the stage the type is defined by. */
  stage?: ChildcareStage;
  /** Set for the fifteen employer-kind types only. */
  category?: PostCategory;
  /** Stages whose mothers the type suits; used by matching when a post names no stage. */
  suitedStages: readonly ChildcareStage[];
  timeRule: TimeRule;
  placeRule: PlaceRule;
  /** The catalogue's own words for time and place. */
  timePlaceText: string;
  /**
   * Allowed values. The first is the default for a new post: the most protective one, except
   * for a start-up, where flexible-employment insurance is the usual case for a one-woman shop.
   */
  payBases: readonly PayBasis[];
  insuranceKinds: readonly InsuranceKind[];
  contractForms: readonly ContractForm[];
  skillLevels: readonly SkillLevel[];
  examples: readonly string[];
  employerKinds: readonly EmployerKind[];
  defaultModes: readonly WorkingMode[];
  /** Public-welfare pay floor: the local monthly or hourly minimum wage. */
  payFloor?: 'monthly_minimum_wage' | 'hourly_minimum_wage';
  /** Who may be placed in the post; only public-welfare posts are restricted. */
  reservedFor?: 'public_welfare_mothers';
}

const OUTPUT_PAY: readonly PayBasis[] = ['per_piece', 'per_task'];
const TASK_PAY: readonly PayBasis[] = ['per_task', 'per_piece'];
const ALL_STAGES: readonly ChildcareStage[] = CHILDCARE_STAGE_CODES;
const NON_GOVERNMENT: readonly EmployerKind[] = ['enterprise', 'individual_business', 'social_organisation', 'community', 'platform'];
const CARING_EMPLOYERS: readonly EmployerKind[] = ['enterprise', 'individual_business'];
/*
 * 灵活型 types come from communities and social organisations. We also let enterprises and
 * individual businesses offer the ones that such firms actually run (家政公司, private
 * nurseries, workshops handing out piece work, canteen contractors). Volunteer posts stay with
 * communities and social organisations: from a firm they would be unpaid labour in disguise.
 */
const FLEXIBLE_EMPLOYERS: readonly EmployerKind[] = ['community', 'social_organisation', 'enterprise', 'individual_business'];

type PostTypeData = Omit<PostTypeDef, 'code' | 'fullLabel'>;

const DATA: Record<PostTypeCode, PostTypeData> = {
  stage_full_companion: {
    label: '全程陪伴型',
    classification: 'stage',
    stage: 'full_companion',
    suitedStages: ['full_companion'],
    timeRule: 'flexible',
    placeRule: 'flexible',
    timePlaceText: '时间灵活，地点灵活',
    payBases: OUTPUT_PAY,
    insuranceKinds: ['social', 'commercial'],
    contractForms: ['labour_contract', 'service_agreement'],
    skillLevels: ['basic', 'specific'],
    examples: ['完成一定项目或任务的设计类工作', '编程', '撰稿'],
    employerKinds: NON_GOVERNMENT,
    defaultModes: ['new_economy'],
  },
  stage_flexible_balance: {
    label: '弹性兼顾型',
    classification: 'stage',
    stage: 'flexible_balance',
    suitedStages: ['flexible_balance'],
    timeRule: 'partly_fixed',
    placeRule: 'partly_fixed',
    timePlaceText: '固定工作时段，灵活时间安排，每天或每周需到岗一定时间',
    payBases: TASK_PAY,
    insuranceKinds: ['social', 'commercial'],
    contractForms: ['labour_contract', 'service_agreement'],
    skillLevels: ['basic', 'specific'],
    examples: ['保险销售', '房产销售'],
    employerKinds: NON_GOVERNMENT,
    defaultModes: ['flexible_leave'],
  },
  stage_settled_work: {
    label: '安心工作型',
    classification: 'stage',
    stage: 'settled_work',
    suitedStages: ['settled_work'],
    timeRule: 'leave_on_demand',
    placeRule: 'fixed',
    timePlaceText: '固定时间、地点，允许按需请假，灵活调整',
    payBases: ['monthly'],
    insuranceKinds: ['social'],
    contractForms: ['labour_contract'],
    skillLevels: ['basic', 'specific'],
    examples: ['用人单位提供托育保障服务、允许带娃上班或帮忙带娃的全职岗位'],
    employerKinds: NON_GOVERNMENT,
    defaultModes: ['flexible_leave'],
  },

  // 关爱型: enterprises and individual businesses
  production_line: {
    label: '生产线',
    classification: 'employer_kind',
    category: 'caring',
    // Leaving 1-2 h early covers the kindergarten and school pick-up, not a baby at home.
    suitedStages: ['flexible_balance', 'settled_work'],
    timeRule: 'leave_early',
    placeRule: 'fixed',
    timePlaceText: '可提前1-2小时下班，地点固定',
    payBases: ['monthly', 'per_piece'],
    insuranceKinds: ['social'],
    contractForms: ['labour_contract'],
    skillLevels: ['basic'],
    examples: ['服装厂缝纫工', '电子厂操作工', '食品厂制作工'],
    employerKinds: CARING_EMPLOYERS,
    defaultModes: ['mom_shift', 'flexible_leave'],
  },
  short_term: {
    label: '短期用工',
    classification: 'employer_kind',
    category: 'caring',
    suitedStages: ['flexible_balance', 'settled_work'],
    timeRule: 'seasonal',
    placeRule: 'designated',
    timePlaceText: '季节性、周期性短期用工，时段固定，地点特定',
    // A seasonal shift (a wedding banquet, a day at a B&B) is the unit of task volume, so daily pay is allowed.
    payBases: ['per_task', 'daily', 'per_piece'],
    insuranceKinds: ['flexible_social', 'commercial'],
    contractForms: ['labour_contract', 'service_agreement'],
    skillLevels: ['basic'],
    examples: ['婚礼旺季的酒店服务员', '旅游旺季的民宿管家'],
    employerKinds: CARING_EMPLOYERS,
    defaultModes: [],
  },
  sales: {
    label: '市场销售',
    classification: 'employer_kind',
    category: 'caring',
    suitedStages: ['flexible_balance', 'settled_work'],
    timeRule: 'partly_fixed',
    placeRule: 'partly_fixed',
    timePlaceText: '每天坐班1-2小时，其余时间地点灵活',
    payBases: TASK_PAY,
    insuranceKinds: ['social', 'commercial'],
    contractForms: ['labour_contract', 'service_agreement'],
    skillLevels: ['basic', 'specific'],
    examples: ['保险销售', '房产中介'],
    employerKinds: CARING_EMPLOYERS,
    defaultModes: ['flexible_leave'],
  },
  childcare_backed: {
    label: '托育保障',
    classification: 'employer_kind',
    category: 'caring',
    // The employer provides childcare, so fixed hours are workable from kindergarten age on.
    suitedStages: ['flexible_balance', 'settled_work'],
    timeRule: 'leave_on_demand',
    placeRule: 'fixed',
    timePlaceText: '时间、地点固定，按需请假',
    payBases: ['monthly'],
    insuranceKinds: ['social'],
    contractForms: ['labour_contract'],
    skillLevels: ['basic', 'specific'],
    examples: ['生产车间质检员', '包装工'],
    employerKinds: CARING_EMPLOYERS,
    defaultModes: ['flexible_leave'],
  },
  remote_online: {
    label: '远程线上',
    classification: 'employer_kind',
    category: 'caring',
    suitedStages: ALL_STAGES,
    timeRule: 'flexible',
    placeRule: 'flexible',
    timePlaceText: '时间灵活，地点灵活',
    payBases: OUTPUT_PAY,
    insuranceKinds: ['flexible_social', 'commercial'],
    contractForms: ['service_agreement'],
    skillLevels: ['specific'],
    examples: ['直播带货', '云客服', '自媒体运营', '在线教育辅导'],
    employerKinds: CARING_EMPLOYERS,
    defaultModes: ['new_economy'],
  },
  project_based: {
    label: '项目制',
    classification: 'employer_kind',
    category: 'caring',
    suitedStages: ALL_STAGES,
    timeRule: 'flexible',
    placeRule: 'flexible',
    timePlaceText: '时间灵活，地点灵活',
    payBases: OUTPUT_PAY,
    insuranceKinds: ['flexible_social'],
    contractForms: ['service_agreement'],
    skillLevels: ['specific'],
    examples: ['文案策划', '图文设计', '编程', '撰稿'],
    employerKinds: CARING_EMPLOYERS,
    defaultModes: ['new_economy'],
  },

  // 灵活型: communities and social organisations
  domestic_service: {
    label: '家政服务',
    classification: 'employer_kind',
    category: 'flexible',
    suitedStages: ['flexible_balance', 'settled_work'],
    timeRule: 'short_daily',
    placeRule: 'designated',
    timePlaceText: '每天固定时间工作2-3小时，地点特定',
    payBases: TASK_PAY,
    insuranceKinds: ['social', 'commercial'],
    contractForms: ['labour_contract', 'service_agreement'],
    skillLevels: ['specific'],
    examples: ['入户早教师', '养老助浴师'],
    employerKinds: FLEXIBLE_EMPLOYERS,
    defaultModes: ['mom_shift'],
  },
  family_friendly: {
    label: '家庭友好',
    classification: 'employer_kind',
    category: 'flexible',
    suitedStages: ['flexible_balance', 'settled_work'],
    timeRule: 'mostly_fixed',
    placeRule: 'designated_or_flexible',
    timePlaceText: '时间相对固定，地点特定或灵活',
    payBases: TASK_PAY,
    insuranceKinds: ['social', 'commercial'],
    contractForms: ['labour_contract', 'service_agreement'],
    skillLevels: ['specific'],
    examples: ['托儿所保育员', '家庭教育顾问'],
    employerKinds: FLEXIBLE_EMPLOYERS,
    defaultModes: ['flexible_leave'],
  },
  handicraft: {
    label: '手工制作',
    classification: 'employer_kind',
    category: 'flexible',
    suitedStages: ALL_STAGES,
    timeRule: 'flexible',
    placeRule: 'flexible',
    timePlaceText: '时间灵活，地点灵活（可带回家做）',
    payBases: ['per_piece', 'per_task'],
    insuranceKinds: ['flexible_social'],
    contractForms: ['service_agreement'],
    skillLevels: ['specific'],
    examples: ['假睫毛制作', '饰品钩织', '假饵制作'],
    employerKinds: FLEXIBLE_EMPLOYERS,
    defaultModes: ['take_home'],
  },
  volunteer: {
    label: '志愿服务',
    classification: 'employer_kind',
    category: 'flexible',
    suitedStages: ALL_STAGES,
    timeRule: 'flexible',
    placeRule: 'flexible',
    timePlaceText: '时间灵活，地点灵活',
    payBases: TASK_PAY,
    insuranceKinds: ['flexible_social'],
    contractForms: ['service_agreement'],
    skillLevels: ['specific'],
    examples: ['社区团购合伙人', '志愿服务者'],
    employerKinds: ['community', 'social_organisation'],
    defaultModes: [],
  },
  school_canteen: {
    label: '学校餐厅',
    classification: 'employer_kind',
    category: 'flexible',
    // Hours follow the school day, which only helps once the child is at school.
    suitedStages: ['settled_work'],
    timeRule: 'follows_school',
    placeRule: 'fixed',
    timePlaceText: '地点固定，可随孩子上下学时间上班',
    payBases: ['monthly'],
    insuranceKinds: ['social'],
    contractForms: ['labour_contract'],
    skillLevels: ['basic', 'specific'],
    examples: ['厨师', '面案', '杂工'],
    employerKinds: FLEXIBLE_EMPLOYERS,
    defaultModes: ['flexible_leave'],
  },

  // 自主型: new-economy platforms and her own business
  platform_economy: {
    label: '平台经济',
    classification: 'employer_kind',
    category: 'autonomous',
    suitedStages: ALL_STAGES,
    timeRule: 'flexible',
    placeRule: 'flexible',
    timePlaceText: '时间灵活，地点灵活',
    payBases: OUTPUT_PAY,
    insuranceKinds: ['commercial'],
    contractForms: ['service_agreement'],
    skillLevels: ['specific'],
    examples: ['网约车司机', '外卖骑手'],
    // Platforms often contract through an operating company, which files as an enterprise.
    employerKinds: ['platform', 'enterprise'],
    defaultModes: ['new_economy'],
  },
  startup: {
    label: '创业型',
    classification: 'employer_kind',
    category: 'autonomous',
    suitedStages: ALL_STAGES,
    timeRule: 'flexible',
    placeRule: 'flexible',
    timePlaceText: '时间灵活，地点灵活',
    payBases: ['own_income'],
    insuranceKinds: ['flexible_social', 'social'],
    contractForms: ['none'],
    skillLevels: ['specific'],
    examples: ['自主创业的旅游景区咖啡师', '公司经理'],
    // Her own firm or shop is the "employer" that files the post.
    employerKinds: ['individual_business', 'enterprise'],
    defaultModes: ['new_economy'],
  },

  // 公益性: government safety net
  public_welfare_urban: {
    label: '城镇公益性岗位',
    classification: 'employer_kind',
    category: 'public_welfare',
    suitedStages: ['flexible_balance', 'settled_work'],
    timeRule: 'fixed',
    placeRule: 'fixed',
    timePlaceText: '时间固定，地点固定',
    payBases: ['monthly'],
    insuranceKinds: ['social'],
    contractForms: ['service_contract'],
    skillLevels: ['basic', 'specific'],
    examples: ['公共环境管护岗', '养老照护服务岗'],
    employerKinds: ['government'],
    defaultModes: [],
    payFloor: 'monthly_minimum_wage',
    reservedFor: 'public_welfare_mothers',
  },
  public_welfare_rural: {
    label: '乡村公益性岗位',
    classification: 'employer_kind',
    category: 'public_welfare',
    suitedStages: ALL_STAGES,
    timeRule: 'flexible',
    placeRule: 'fixed',
    timePlaceText: '时间灵活，地点固定',
    payBases: ['hourly'],
    insuranceKinds: ['commercial'],
    contractForms: ['service_agreement'],
    skillLevels: ['basic', 'specific'],
    examples: ['村容保洁服务岗', '护林绿化管护岗'],
    employerKinds: ['government'],
    defaultModes: [],
    payFloor: 'hourly_minimum_wage',
    reservedFor: 'public_welfare_mothers',
  },
};

export const POST_TYPE_CODES = Object.keys(DATA) as PostTypeCode[];

export const POST_TYPES: Record<PostTypeCode, PostTypeDef> = Object.fromEntries(
  POST_TYPE_CODES.map((code) => [code, { code, fullLabel: `${DATA[code].label}“妈妈岗”`, ...DATA[code] }]),
) as Record<PostTypeCode, PostTypeDef>;

export function isPostTypeCode(value: unknown): value is PostTypeCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DATA, value);
}

export function isEmployerKind(value: unknown): value is EmployerKind {
  return typeof value === 'string' && (EMPLOYER_KIND_CODES as readonly string[]).includes(value);
}

export function isChildcareStage(value: unknown): value is ChildcareStage {
  return typeof value === 'string' && (CHILDCARE_STAGE_CODES as readonly string[]).includes(value);
}

export function isWorkingMode(value: unknown): value is WorkingMode {
  return typeof value === 'string' && (WORKING_MODE_CODES as readonly string[]).includes(value);
}

/** The stage a stage type stands for; employer-kind types imply none (see `suitedStages`). */
export function impliedStage(type: PostTypeCode): ChildcareStage | undefined {
  return POST_TYPES[type].stage;
}

export function postTypesForCategory(category: PostCategory): PostTypeDef[] {
  return POST_TYPE_CODES.filter((c) => POST_TYPES[c].category === category).map((c) => POST_TYPES[c]);
}

export function postTypesForEmployer(kind: EmployerKind): PostTypeDef[] {
  return POST_TYPE_CODES.filter((c) => canEmployerOffer(kind, c)).map((c) => POST_TYPES[c]);
}

export function canEmployerOffer(kind: EmployerKind, type: PostTypeCode): boolean {
  return POST_TYPES[type].employerKinds.includes(kind);
}

// ---------------------------------------------------------------------------------------------
// Checking a post draft against its type
// ---------------------------------------------------------------------------------------------

export interface PostDraft {
  payBasis: PayBasis;
  /** Amount per pay-basis unit in yuan; a range when the employer gives one. */
  payMin?: number;
  payMax?: number;
  insurance: InsuranceKind;
  contractForm: ContractForm;
  timeRule?: TimeRule;
  placeRule?: PlaceRule;
  modes?: readonly WorkingMode[];
  skillLevel?: SkillLevel;
}

export interface Violation {
  field: string;
  code: string;
  message: string;
}

export interface MinimumWageFigures {
  /** Yuan per month, full-time. */
  monthly: number;
  /** Yuan per hour, part-time. */
  hourly: number;
}

export interface CheckPostOptions {
  /** Needed for public-welfare posts, whose pay floor is the local minimum wage. */
  minimumWage?: MinimumWageFigures;
}

const FIXED_TIME_RULES: readonly TimeRule[] = ['fixed', 'seasonal', 'mostly_fixed', 'short_daily'];

/**
 * Violations of the catalogue by a post draft; an empty list means the post may be published.
 * "Tightening" means more protection for her: a better insurance or contract than the type's
 * least protective option is fine, a worse one is not.
 */
export function checkPostAgainstType(
  type: PostTypeCode,
  employerKind: EmployerKind,
  draft: PostDraft,
  options: CheckPostOptions = {},
): Violation[] {
  const def = POST_TYPES[type];
  const out: Violation[] = [];

  if (!canEmployerOffer(employerKind, type)) {
    out.push({
      field: 'type',
      code: def.category === 'public_welfare' ? 'PUBLIC_WELFARE_GOVERNMENT_ONLY' : 'EMPLOYER_KIND_NOT_ALLOWED',
      message:
        def.category === 'public_welfare'
          ? `${def.label}只能由政府机关事业单位设立`
          : `${EMPLOYER_KIND_LABELS[employerKind]}不能发布“${def.label}”类岗位，可发布的单位：${def.employerKinds
              .map((k) => EMPLOYER_KIND_LABELS[k])
              .join('、')}`,
    });
  }

  if (!def.payBases.includes(draft.payBasis)) {
    out.push({
      field: 'payBasis',
      code: 'PAY_BASIS_NOT_ALLOWED',
      message: `“${def.label}”岗位的计酬方式应为${def.payBases.map((b) => PAY_BASIS_LABELS[b]).join('或')}`,
    });
  }

  const minInsurance = Math.min(...def.insuranceKinds.map((k) => INSURANCE_PROTECTION_RANK[k]));
  if (!def.insuranceKinds.includes(draft.insurance) && INSURANCE_PROTECTION_RANK[draft.insurance] < minInsurance) {
    out.push({
      field: 'insurance',
      code: 'INSURANCE_NOT_ALLOWED',
      message: `“${def.label}”岗位须提供${def.insuranceKinds.map((k) => INSURANCE_KIND_LABELS[k]).join('或')}`,
    });
  }

  const minContract = Math.min(...def.contractForms.map((c) => CONTRACT_PROTECTION_RANK[c]));
  const contractOk =
    def.contractForms.includes(draft.contractForm) ||
    // 公益性岗位服务合同 is a public-welfare instrument; elsewhere it would be mislabelled.
    ((draft.contractForm !== 'service_contract' || def.category === 'public_welfare') &&
      CONTRACT_PROTECTION_RANK[draft.contractForm] >= minContract);
  if (!contractOk) {
    out.push({
      field: 'contractForm',
      code: 'CONTRACT_FORM_NOT_ALLOWED',
      message: `“${def.label}”岗位须签订${def.contractForms.map((c) => CONTRACT_FORM_LABELS[c]).join('或')}`,
    });
  }

  // Employee social insurance presupposes an employment relationship; a civil service agreement
  // cannot carry it. Her own start-up pays it as the employer of herself.
  if (draft.insurance === 'social' && draft.contractForm === 'service_agreement') {
    out.push({
      field: 'insurance',
      code: 'INSURANCE_CONTRACT_MISMATCH',
      message: '签订劳务协议的岗位不能缴纳职工社会保险，请改签劳动合同，或改为灵活就业社会保险、商业保险',
    });
  }

  if (def.timeRule === 'flexible' && draft.timeRule && FIXED_TIME_RULES.includes(draft.timeRule)) {
    out.push({
      field: 'timeRule',
      code: 'TIME_RULE_CONTRADICTS_TYPE',
      message: `“${def.label}”岗位的工作时间应灵活，不能设为${TIME_RULE_LABELS[draft.timeRule]}`,
    });
  }

  if (draft.payMin !== undefined && draft.payMax !== undefined && draft.payMin > draft.payMax) {
    out.push({ field: 'payMin', code: 'PAY_RANGE_INVERTED', message: '最低报酬不能高于最高报酬' });
  }
  for (const field of ['payMin', 'payMax'] as const) {
    const v = draft[field];
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) {
      out.push({ field, code: 'PAY_AMOUNT_INVALID', message: '报酬金额应为不小于0的数字' });
    }
  }

  if (def.payFloor) out.push(...checkPayFloor(def, draft, options.minimumWage));

  return out;
}

function checkPayFloor(def: PostTypeDef, draft: PostDraft, minimumWage: MinimumWageFigures | undefined): Violation[] {
  // Without the local figure we cannot vouch for the floor, so the post must not go out.
  if (!minimumWage) {
    return [{ field: 'payMin', code: 'MINIMUM_WAGE_UNKNOWN', message: '未找到当地最低工资标准，无法核对公益性岗位补贴标准' }];
  }
  const pay = draft.payMin ?? draft.payMax;
  if (pay === undefined) {
    return [{ field: 'payMin', code: 'PAY_AMOUNT_REQUIRED', message: '公益性岗位须填写岗位补贴金额' }];
  }
  if (def.payFloor === 'monthly_minimum_wage' && draft.payBasis === 'monthly' && pay < minimumWage.monthly) {
    return [
      {
        field: 'payMin',
        code: 'BELOW_MONTHLY_MINIMUM_WAGE',
        message: `城镇公益性岗位补贴不得低于当地月最低工资标准${minimumWage.monthly}元`,
      },
    ];
  }
  if (def.payFloor === 'hourly_minimum_wage' && draft.payBasis === 'hourly' && pay < minimumWage.hourly) {
    return [
      {
        field: 'payMin',
        code: 'BELOW_HOURLY_MINIMUM_WAGE',
        message: `乡村公益性岗位补贴不得低于当地小时最低工资标准${minimumWage.hourly}元`,
      },
    ];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Defaults for a new post
// ---------------------------------------------------------------------------------------------

export interface PostDefaults {
  payBasis: PayBasis;
  insurance: InsuranceKind;
  contractForm: ContractForm;
  timeRule: TimeRule;
  placeRule: PlaceRule;
  skillLevel: SkillLevel;
  modes: WorkingMode[];
  /** Stage a post of this type is tagged with; undefined for types that suit several. */
  stage?: ChildcareStage;
}

/** Pre-filled values so an employer can post from a phone with few taps. */
export function defaultsForType(type: PostTypeCode): PostDefaults {
  const def = POST_TYPES[type];
  return {
    payBasis: def.payBases[0],
    insurance: def.insuranceKinds[0],
    contractForm: def.contractForms[0],
    timeRule: def.timeRule,
    placeRule: def.placeRule,
    skillLevel: def.skillLevels[0],
    modes: [...def.defaultModes],
    stage: def.stage ?? (def.suitedStages.length === 1 ? def.suitedStages[0] : undefined),
  };
}
