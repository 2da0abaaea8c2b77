/**
 * The needs survey (育儿妇女就业需求调查问卷), version 1: 48 questions in the five parts Zoucheng's
 * women's federation used (personal situation, family situation, intended way of working,
 * intended field, training needs). The source documents name the parts and the count, not the
 * questions, so the wording here is the product's own.
 *
 * A published version is never edited: answers point at it. A change is a new file and a new
 * version, inserted by a migration.
 */

export type SurveyQuestionType = 'single' | 'multi' | 'number' | 'text';

/** A preference of hers that an answer fills in. */
export type SurveyFeed = 'wantedTypes' | 'wantedModes' | 'trainingNeeds' | 'desiredHourly' | 'skills';

export interface SurveyOption {
  value: string;
  label: string;
}

export interface SurveyQuestion {
  id: string;
  text: string;
  type: SurveyQuestionType;
  required: boolean;
  options?: SurveyOption[];
  min?: number;
  max?: number;
  feeds?: SurveyFeed;
}

export interface SurveySection {
  code: 'personal' | 'family' | 'work_mode' | 'field' | 'training';
  title: string;
  questions: SurveyQuestion[];
}

export interface SurveyDefinition {
  version: string;
  title: string;
  basis: string;
  sections: SurveySection[];
}

/** Training needs: the codes registration and the survey share, counted per region. */
export const TRAINING_NEED_OPTIONS: readonly SurveyOption[] = [
  { value: 'domestic_service', label: '家政服务' },
  { value: 'childcare', label: '育婴保育' },
  { value: 'elderly_care', label: '养老护理' },
  { value: 'handicraft', label: '手工制作' },
  { value: 'cooking', label: '面点烹饪' },
  { value: 'ecommerce_livestream', label: '电商直播' },
  { value: 'new_media', label: '新媒体运营' },
  { value: 'computer_office', label: '电脑办公' },
  { value: 'beauty', label: '美容美发' },
  { value: 'accounting', label: '财务会计' },
  { value: 'startup', label: '创业指导' },
  { value: 'other', label: '其他' },
];

export const TRAINING_NEED_CODES: readonly string[] = TRAINING_NEED_OPTIONS.map((o) => o.value);

const yesNo: SurveyOption[] = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];

const q = (
  id: string,
  text: string,
  type: SurveyQuestionType,
  extra: Partial<Omit<SurveyQuestion, 'id' | 'text' | 'type'>> = {},
): SurveyQuestion => ({ id, text, type, required: extra.required ?? false, ...extra });

const opts = (...labels: [string, string][]): SurveyOption[] => labels.map(([value, label]) => ({ value, label }));

export const NEEDS_SURVEY_V1: SurveyDefinition = {
  version: 'needs-v1',
  title: '育儿妇女就业需求调查问卷',
  basis: '参照邹城市妇联育儿妇女就业调查问卷的五个部分（个人情况、家庭情况、意向就业方式、意向就业领域、培训需求）编制',
  sections: [
    {
      code: 'personal',
      title: '一、个人情况',
      questions: [
        q('A1', '您的文化程度', 'single', {
          required: true,
          options: opts(['primary', '小学及以下'], ['junior', '初中'], ['senior', '高中/中专/技校'], ['college', '大专'], ['bachelor', '本科及以上']),
        }),
        q('A2', '您的健康状况', 'single', { options: opts(['good', '良好'], ['fair', '一般'], ['limited', '有慢性病或行动不便']) }),
        q('A3', '您目前的就业状态', 'single', {
          required: true,
          options: opts(['unemployed', '未就业'], ['part_time', '打零工/兼职'], ['full_time', '全职工作'], ['own_business', '自己经营']),
        }),
        q('A4', '您离开工作岗位多长时间了', 'single', {
          options: opts(['never', '一直在工作'], ['lt1y', '不到1年'], ['1to3y', '1-3年'], ['gt3y', '3年以上'], ['never_worked', '从未工作过']),
        }),
        q('A5', '您以前从事过的行业（可多选）', 'multi', {
          options: opts(
            ['manufacturing', '工厂生产'],
            ['retail', '商场零售'],
            ['catering', '餐饮'],
            ['office', '办公室文员'],
            ['education', '教育培训'],
            ['health', '医疗护理'],
            ['agriculture', '农业种养'],
            ['other', '其他'],
          ),
        }),
        q('A6', '您已掌握的技能（可多选）', 'multi', {
          feeds: 'skills',
          options: opts(
            ['sewing', '缝纫'],
            ['cooking', '烹饪面点'],
            ['cleaning', '保洁收纳'],
            ['childcare', '照护幼儿'],
            ['elderly_care', '照护老人'],
            ['computer', '电脑操作'],
            ['driving', '驾驶'],
            ['sales', '销售'],
            ['handicraft', '手工编织'],
            ['livestream', '直播带货'],
          ),
        }),
        q('A7', '您持有的职业资格或技能证书', 'text', { max: 200 }),
        q('A8', '您是否办理了失业登记', 'single', { options: yesNo }),
        q('A9', '您是否被认定为就业困难人员', 'single', { options: yesNo }),
        q('A10', '您能否熟练使用智能手机（微信、小程序等）', 'single', {
          options: opts(['skilled', '熟练'], ['basic', '会基本操作'], ['no', '不太会']),
        }),
      ],
    },
    {
      code: 'family',
      title: '二、家庭情况',
      questions: [
        q('B1', '您有几个孩子', 'number', { required: true, min: 0, max: 10 }),
        q('B2', '最小的孩子目前', 'single', {
          required: true,
          options: opts(['home', '在家照看'], ['nursery', '上托育园'], ['kindergarten', '上幼儿园'], ['primary', '上小学'], ['secondary', '上中学及以上']),
        }),
        q('B3', '平时主要由谁照看孩子', 'single', {
          options: opts(['self', '自己'], ['grandparents', '老人'], ['spouse', '配偶'], ['nanny', '保姆/托育机构'], ['other', '其他']),
        }),
        q('B4', '工作日您每天需要接送孩子几次', 'number', { min: 0, max: 6 }),
        q('B5', '孩子的上学（入托）时间', 'text', { max: 50 }),
        q('B6', '孩子的放学（离托）时间', 'text', { max: 50 }),
        q('B7', '家里是否有需要照顾的老人或病人', 'single', { options: yesNo }),
        q('B8', '家庭主要收入来源', 'single', {
          options: opts(['spouse', '配偶工资'], ['both', '夫妻双方'], ['business', '家庭经营'], ['farming', '务农'], ['subsidy', '政府补助'], ['other', '其他']),
        }),
        q('B9', '家庭月收入大致范围', 'single', {
          options: opts(['lt3000', '3000元以下'], ['3000to6000', '3000-6000元'], ['6000to10000', '6000-10000元'], ['gt10000', '10000元以上']),
        }),
        q('B10', '家人是否支持您外出工作', 'single', { options: opts(['support', '支持'], ['neutral', '无所谓'], ['oppose', '不支持']) }),
      ],
    },
    {
      code: 'work_mode',
      title: '三、意向就业方式',
      questions: [
        q('C1', '您希望的就业方式（可多选）', 'multi', {
          feeds: 'wantedModes',
          options: opts(
            ['flexible_leave', '弹性妈妈岗（可按需请假）'],
            ['mom_shift', '宝妈班组（自选上班时段）'],
            ['take_home', '流动妈妈岗（把活带回家做）'],
            ['new_economy', '新业态妈妈岗（电商、直播、文创）'],
          ),
        }),
        q('C2', '您每天能工作几小时', 'single', {
          options: opts(['lt2', '2小时以内'], ['2to4', '2-4小时'], ['4to6', '4-6小时'], ['gt6', '6小时以上']),
        }),
        q('C3', '您一周能工作几天', 'number', { min: 0, max: 7 }),
        q('C4', '您方便工作的时段（可多选）', 'multi', {
          options: opts(['morning', '上午'], ['noon', '中午'], ['afternoon', '下午'], ['evening', '晚上'], ['weekend', '周末']),
        }),
        q('C5', '您能接受的单程通勤时间', 'single', {
          options: opts(['lt15', '15分钟以内'], ['15to30', '15-30分钟'], ['30to60', '30-60分钟'], ['home', '只在家工作']),
        }),
        q('C6', '您的通勤方式', 'single', {
          options: opts(['walk', '步行'], ['bike', '自行车/电动车'], ['bus', '公交'], ['car', '自驾'], ['shuttle', '需要班车']),
        }),
        q('C7', '您期望的时薪（元/小时）', 'number', { feeds: 'desiredHourly', min: 0, max: 500 }),
        q('C8', '您倾向的计酬方式', 'single', {
          options: opts(['hourly', '按小时'], ['piece', '计件'], ['monthly', '按月'], ['any', '都可以']),
        }),
        q('C9', '您是否希望单位缴纳社会保险', 'single', { options: opts(['must', '必须'], ['prefer', '最好有'], ['no', '无所谓']) }),
        q('C10', '您是否考虑自主创业', 'single', { options: opts(['yes', '有意向'], ['maybe', '还在考虑'], ['no', '没有']) }),
      ],
    },
    {
      code: 'field',
      title: '四、意向就业领域',
      questions: [
        q('D1', '您感兴趣的岗位类型（可多选）', 'multi', {
          feeds: 'wantedTypes',
          options: opts(
            ['production_line', '生产线'],
            ['short_term', '短期用工'],
            ['sales', '市场销售'],
            ['childcare_backed', '托育保障'],
            ['remote_online', '远程线上'],
            ['project_based', '项目制'],
            ['domestic_service', '家政服务'],
            ['family_friendly', '家庭友好'],
            ['handicraft', '手工制作'],
            ['volunteer', '志愿服务'],
            ['school_canteen', '学校餐厅'],
            ['platform_economy', '平台经济'],
            ['startup', '创业型'],
            ['public_welfare_urban', '城镇公益性岗位'],
            ['public_welfare_rural', '乡村公益性岗位'],
          ),
        }),
        q('D2', '您希望的工作地点', 'single', {
          options: opts(['home', '在家'], ['village', '本村/本社区'], ['town', '本镇/街道'], ['city', '城区'], ['any', '不限']),
        }),
        q('D3', '您更希望在哪类单位工作', 'single', {
          options: opts(['enterprise', '企业'], ['community', '社区/社会组织'], ['platform', '平台/新业态'], ['government', '公益性岗位'], ['any', '都可以']),
        }),
        q('D4', '您最看重岗位的哪些方面（最多选3项）', 'multi', {
          max: 3,
          options: opts(
            ['pay', '收入'],
            ['time', '时间灵活'],
            ['distance', '离家近'],
            ['insurance', '有社保'],
            ['stability', '稳定'],
            ['child_room', '有母婴室/可带孩子'],
            ['growth', '有发展'],
          ),
        }),
        q('D5', '您是否愿意从事计件的来料加工', 'single', { options: yesNo }),
        q('D6', '您是否愿意从事线上工作（客服、直播、文案等）', 'single', { options: yesNo }),
        q('D7', '您是否愿意从事季节性短期工作', 'single', { options: yesNo }),
        q('D8', '您希望多久内找到工作', 'single', {
          options: opts(['now', '越快越好'], ['1m', '1个月内'], ['3m', '3个月内'], ['later', '孩子大一些再说']),
        }),
      ],
    },
    {
      code: 'training',
      title: '五、培训需求',
      questions: [
        q('E1', '您是否愿意参加免费技能培训', 'single', { required: true, options: yesNo }),
        q('E2', '您希望参加的培训（可多选）', 'multi', { feeds: 'trainingNeeds', options: [...TRAINING_NEED_OPTIONS] }),
        q('E3', '您方便参加培训的时间', 'single', {
          options: opts(['weekday_day', '工作日白天'], ['weekday_evening', '工作日晚上'], ['weekend', '周末'], ['any', '都可以']),
        }),
        q('E4', '您希望的培训方式', 'single', {
          options: opts(['offline', '线下集中'], ['online', '线上'], ['mixed', '线上线下结合']),
        }),
        q('E5', '您希望在哪里参加培训', 'single', {
          options: opts(['community', '社区驿站'], ['town', '镇街'], ['city', '城区培训机构'], ['online', '在家线上']),
        }),
        q('E6', '培训时是否需要有人帮忙照看孩子', 'single', { options: yesNo }),
        q('E7', '您能接受的单次培训时长', 'single', {
          options: opts(['lt2h', '2小时以内'], ['half_day', '半天'], ['full_day', '一天']),
        }),
        q('E8', '您能接受的培训周期', 'single', {
          options: opts(['lt1w', '1周以内'], ['1to4w', '1-4周'], ['gt1m', '1个月以上']),
        }),
        q('E9', '您是否希望培训后获得职业技能证书', 'single', { options: yesNo }),
        q('E10', '您对妈妈岗服务还有什么建议', 'text', { max: 500 }),
      ],
    },
  ],
};

export function questionCount(definition: SurveyDefinition): number {
  return definition.sections.reduce((n, s) => n + s.questions.length, 0);
}
