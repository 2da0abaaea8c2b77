/**
 * The notices a mother reads before she consents to the processing of her sensitive personal
 * data (个人信息保护法 arts. 28-30: ID number, children's data, location). A published notice is
 * never edited: consents record its version. A new text is a new entry.
 */
export interface ConsentNotice {
  version: string;
  title: string;
  publishedOn: string;
  text: string;
}

export const CONSENT_NOTICES: readonly ConsentNotice[] = [
  {
    version: 'sensitive-v1',
    title: '妈妈岗求职登记敏感个人信息处理告知书',
    publishedOn: '2026-01-01',
    text: [
      '为给您办理求职登记并在一年内提供“12333”就业服务（政策对接、职业指导、岗位推荐、技能培训信息），',
      '驿站将处理您的身份证号码、手机号码、孩子的出生年月、家庭住址附近位置和可工作时间。',
      '身份证号码和手机号码加密保存，除您本人外只显示部分号码；位置只保存到约100米。',
      '这些信息仅用于为您匹配岗位、安排服务和统计本地区就业服务情况，不向用人单位提供身份证号码。',
      '您可以随时到驿站或在小程序中查询、更正或要求删除您的信息，撤回同意不影响撤回前的处理。',
      '不同意处理上述信息的，驿站无法为您办理登记。',
    ].join(''),
  },
];

export const CURRENT_CONSENT_NOTICE = CONSENT_NOTICES[CONSENT_NOTICES.length - 1] as ConsentNotice;

export function findConsentNotice(version: string): ConsentNotice | undefined {
  return CONSENT_NOTICES.find((n) => n.version === version);
}
