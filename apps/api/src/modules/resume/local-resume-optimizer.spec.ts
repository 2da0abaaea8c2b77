import { optimiseResumeLocally } from './local-resume-optimizer';
import { emptyResume, type ResumeContent } from './resume-content';

const TODAY = '2026-11-15';

function resume(over: Partial<ResumeContent>): ResumeContent {
  return { ...emptyResume(), ...over };
}

describe('optimiseResumeLocally', () => {
  it('puts the newest experience first: ongoing, then by end month, undated last', () => {
    const out = optimiseResumeLocally(
      resume({
        experiences: [
          { employer: 'A厂', role: '包装工', from: '2012-01', to: '2014-06', duties: [] },
          { employer: '无日期', role: '帮工', from: null, to: null, duties: [] },
          { employer: 'C超市', role: '收银员', from: '2020-03', to: null, duties: [] },
          { employer: 'B店', role: '店员', from: '2015-01', to: '2018-12', duties: [] },
        ],
      }),
      TODAY,
    );
    expect(out.experiences.map((e) => e.employer)).toEqual(['C超市', 'B店', 'A厂', '无日期']);
  });

  it('turns duties into short, distinct points without filler words', () => {
    const out = optimiseResumeLocally(
      resume({
        experiences: [
          {
            employer: '  C超市 ',
            role: '收银员',
            from: '2020-03',
            to: '2021-02',
            duties: ['我主要负责收银和对账。每天整理货架；\n1. 接待顾客！！', '负责收银和对账'],
          },
        ],
      }),
      TODAY,
    );
    expect(out.experiences[0]).toEqual({
      employer: 'C超市',
      role: '收银员',
      from: '2020-03',
      to: '2021-02',
      duties: ['负责收银和对账', '整理货架', '接待顾客'],
    });
  });

  it('splits, trims and deduplicates skills and certificates', () => {
    const out = optimiseResumeLocally(resume({ skills: [' 收银、客服 ', 'Excel', 'excel', '客服', ''], certificates: ['育婴员证', '育婴员证 '] }), TODAY);
    expect(out.skills).toEqual(['收银', '客服', 'Excel']);
    expect(out.certificates).toEqual(['育婴员证']);
  });

  it('builds highlights from her experience, skills, certificates and strengths, keeping her own first', () => {
    const out = optimiseResumeLocally(
      resume({
        experiences: [
          { employer: 'C超市', role: '收银员', from: '2019-01', to: '2020-12', duties: ['收银对账'] },
          { employer: 'D早教中心', role: '保育员', from: '2020-06', to: '2021-12', duties: ['照看幼儿'] },
        ],
        skills: ['收银', '早教'],
        certificates: ['育婴员（五级）'],
        highlights: ['做事麻利'],
      }),
      TODAY,
    );
    // 2019-01..2021-12 with an overlap counted once: 36 months.
    expect(out.highlights).toEqual([
      '做事麻利',
      '累计约3年工作经验，最近担任保育员',
      '掌握收银、早教',
      '持有育婴员（五级）',
      '有育婴、早教相关经验，耐心细致',
      '细心严谨，熟悉账目与表格处理',
    ]);
  });

  it('writes a self-introduction from her resume when she left it empty, and keeps hers otherwise', () => {
    const base = resume({ experiences: [{ employer: 'E', role: '客服', from: '2026-01', to: null, duties: [] }], skills: ['客服'], preferredWork: '居家客服。' });
    expect(optimiseResumeLocally(base, TODAY).selfIntro).toBe('有11个月工作经验，掌握客服等技能。希望从事居家客服。工作认真负责，能够兼顾家庭与工作。');
    expect(optimiseResumeLocally({ ...base, selfIntro: '  我  做事认真。。 ' }, TODAY).selfIntro).toBe('我 做事认真。');
  });

  it('is deterministic and never adds a skill or certificate she did not list', () => {
    const input = resume({ skills: ['手工编织'], selfIntro: '喜欢手工' });
    const a = optimiseResumeLocally(input, TODAY);
    expect(optimiseResumeLocally(input, TODAY)).toEqual(a);
    expect(a.skills).toEqual(['手工编织']);
    expect(a.certificates).toEqual([]);
    expect(a.highlights).toContain('动手能力强，擅长手工制作');
  });
});
