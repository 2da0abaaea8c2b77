import { ContractTermsInput, contractRightsTerms } from './contract-terms';

describe('contractRightsTerms', () => {
  it.each<[string, ContractTermsInput, string[]]>([
    [
      'a production line with a mothers’ shift and leave on demand',
      { type: 'production_line', modes: ['mom_shift', 'flexible_leave'], flexibleHours: false, contractForm: 'labour_contract' },
      [
        '弹性工作时间：可提前1-2小时下班接送孩子',
        '弹性工作时间：可自选班次，错开接送孩子的时间',
        '不强制加班：延长工作时间须经本人同意',
        '请假：孩子生病、入园入学等育儿需要可按需请假',
        '育儿假：依法享受育儿假',
      ],
    ],
    [
      'handicraft taken home on a service agreement',
      { type: 'handicraft', modes: ['take_home'], flexibleHours: true, contractForm: 'service_agreement' },
      ['弹性工作时间：工作时间由本人自主安排', '不强制加班：延长工作时间须经本人同意', '工作地点：可将工作带回家完成'],
    ],
    [
      'sales: on site part of the day',
      { type: 'sales', modes: [], flexibleHours: false, contractForm: 'service_agreement' },
      ['弹性工作时间：每天或每周到岗约定时段，其余时间自主安排', '不强制加班：延长工作时间须经本人同意'],
    ],
    [
      'a school canteen: hours follow the school day, leave by the type is not on demand',
      { type: 'school_canteen', modes: [], flexibleHours: false, contractForm: 'labour_contract' },
      ['弹性工作时间：上下班时间随孩子上下学安排', '不强制加班：延长工作时间须经本人同意', '育儿假：依法享受育儿假'],
    ],
    [
      'childcare-backed: fixed hours, leave on demand by the type',
      { type: 'childcare_backed', modes: [], flexibleHours: false, contractForm: 'labour_contract' },
      ['不强制加班：延长工作时间须经本人同意', '请假：孩子生病、入园入学等育儿需要可按需请假', '育儿假：依法享受育儿假'],
    ],
    [
      'her own start-up: no employer to order overtime',
      { type: 'startup', modes: ['new_economy'], flexibleHours: true, contractForm: 'none' },
      ['弹性工作时间：工作时间由本人自主安排'],
    ],
    [
      'an urban public-welfare post with fixed hours',
      { type: 'public_welfare_urban', modes: [], flexibleHours: false, contractForm: 'service_contract' },
      ['不强制加班：延长工作时间须经本人同意'],
    ],
  ])('%s', (_name, input, terms) => {
    expect(contractRightsTerms(input)).toEqual(terms);
  });
});
