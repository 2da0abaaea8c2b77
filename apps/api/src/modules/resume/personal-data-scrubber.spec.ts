import { makeResidentId } from '@mamagang/domain';
import { REDACTED, scrubResume, scrubText } from './personal-data-scrubber';
import { emptyResume } from './resume-content';

const ID = makeResidentId('37100219900101123');

describe('scrubText', () => {
  it.each([
    ['an 18-character ID number', `身份证${ID}`, `身份证${REDACTED}`],
    ['an ID number ending in X', '证件号37100219900101004X。', `证件号${REDACTED}。`],
    ['an ID number written in groups', '371002 19900101 1234', REDACTED],
    ['an old 15-digit ID number', '号码371002900101123', `号码${REDACTED}`],
    ['a mobile', '电话13812345678', `电话${REDACTED}`],
    ['a mobile with +86 and spaces', '联系 +86 138 1234 5678 即可', `联系 ${REDACTED} 即可`],
    ['a mobile with dashes', '138-1234-5678', REDACTED],
    ['a landline', '座机0631-5201234', `座机${REDACTED}`],
    ['an e-mail address', '邮箱 wang.xh@example.com', `邮箱 ${REDACTED}`],
  ])('removes %s', (_label, input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });

  it.each([
    ['dates and years', '2019-03至2021-06，工作2年'],
    ['a short number', '每天收银300单，服务50位顾客'],
    ['a longer run of digits that is no identifier', '订单号12345678901234567890'],
  ])('keeps %s', (_label, input) => {
    expect(scrubText(input)).toBe(input);
  });

  it('removes her full name and her given name, not single characters', () => {
    expect(scrubText('我叫王小红，大家都叫我小红，王姐', ['王小红'])).toBe(`我叫${REDACTED}，大家都叫我${REDACTED}，王姐`);
    expect(scrubText('李娜负责收银', ['李娜', ' ', '王'])).toBe(`${REDACTED}负责收银`);
  });

  it('goes through every text of a resume and keeps its shape', () => {
    const resume = {
      ...emptyResume(['收银']),
      experiences: [{ employer: '超市', role: '收银员', from: '2019-03', to: null, duties: [`手机13812345678`, '对账'] }],
      selfIntro: `我是王小红，身份证${ID}`,
      highlights: ['电话0631-5201234'],
    };
    const scrubbed = scrubResume(resume, ['王小红']);
    expect(scrubbed.experiences[0]).toEqual({ employer: '超市', role: '收银员', from: '2019-03', to: null, duties: [`手机${REDACTED}`, '对账'] });
    expect(scrubbed.selfIntro).toBe(`我是${REDACTED}，身份证${REDACTED}`);
    expect(scrubbed.highlights).toEqual([`电话${REDACTED}`]);
    expect(scrubbed.skills).toEqual(['收银']);
  });
});
