/**
 * Contract and insurance in plain words: what each form means for her, in a sentence. The
 * codes and short labels are the domain's; these sentences are for the post page.
 */
import type { ContractForm, InsuranceKind } from '@mamagang/domain'

export const CONTRACT_PLAIN: Record<ContractForm, string> = {
  labour_contract: '签劳动合同：受《劳动法》保护，工资、休息休假、工伤都有保障。',
  service_contract: '签公益性岗位服务合同：由政府设立的岗位，按月发放岗位补贴。',
  service_agreement: '签劳务协议：按约定完成工作、领取报酬，比较灵活，但不属于劳动关系。',
  none: '不需要签合同（如自己创业）。',
}

export const INSURANCE_PLAIN: Record<InsuranceKind, string> = {
  social: '单位为您缴纳职工社会保险（养老、医疗、失业、工伤、生育）。',
  flexible_social: '以灵活就业人员身份缴纳社会保险（养老、医疗），符合条件可申请补贴。',
  commercial: '单位为您购买商业保险（如意外伤害险）。',
  none: '不提供保险，请考虑自行参加灵活就业社会保险。',
}
