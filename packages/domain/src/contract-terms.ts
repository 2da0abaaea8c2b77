/**
 * The flexible terms that belong in a 妈妈岗 contract. Shandong (鲁人社字〔2024〕72号) asks
 * employers to write flexible hours, no forced overtime and leave for childcare into the labour
 * contract or service agreement, so that the post's promises bind. A post lists the terms it
 * implies, from its type, its working modes and its schedule, so she can ask for them.
 */
import { ContractForm, POST_TYPES, PostTypeCode, WorkingMode } from './catalogue';

export interface ContractTermsInput {
  type: PostTypeCode;
  modes: readonly WorkingMode[];
  /** The post's own schedule is flexible (no fixed windows). */
  flexibleHours: boolean;
  contractForm: ContractForm;
}

/** Chinese sentences, each starting with the term's name (弹性工作时间, 不强制加班, 请假, 育儿假, 工作地点). */
export function contractRightsTerms(input: ContractTermsInput): string[] {
  const def = POST_TYPES[input.type];
  const modes = new Set(input.modes);
  const terms: string[] = [];

  if (input.flexibleHours || def.timeRule === 'flexible') terms.push('弹性工作时间：工作时间由本人自主安排');
  else if (def.timeRule === 'partly_fixed') terms.push('弹性工作时间：每天或每周到岗约定时段，其余时间自主安排');
  if (def.timeRule === 'leave_early') terms.push('弹性工作时间：可提前1-2小时下班接送孩子');
  if (def.timeRule === 'follows_school') terms.push('弹性工作时间：上下班时间随孩子上下学安排');
  if (modes.has('mom_shift')) terms.push('弹性工作时间：可自选班次，错开接送孩子的时间');

  // Her own start-up has no employer who could order overtime.
  if (input.contractForm !== 'none') terms.push('不强制加班：延长工作时间须经本人同意');

  if (modes.has('flexible_leave') || def.timeRule === 'leave_on_demand') {
    terms.push('请假：孩子生病、入园入学等育儿需要可按需请假');
  }
  // Statutory childcare leave is an employee's right: it comes with a labour contract.
  if (input.contractForm === 'labour_contract') terms.push('育儿假：依法享受育儿假');

  if (modes.has('take_home')) terms.push('工作地点：可将工作带回家完成');
  return terms;
}
