import { Injectable } from '@nestjs/common';
import { RESUME_LIMITS, type ResumeContent, type ResumeExperience } from './resume-content';
import { ResumeOptimizer, type OptimiseContext } from './resume-optimizer';

/** The local optimiser's work: no network, no randomness, the same answer for the same resume. */
@Injectable()
export class LocalResumeOptimizer extends ResumeOptimizer {
  readonly source = 'local' as const;

  optimise(resume: ResumeContent, context: OptimiseContext): Promise<ResumeContent> {
    return Promise.resolve(optimiseResumeLocally(resume, context.today));
  }
}

/** Points per experience after rewriting: a resume is read in seconds. */
const MAX_DUTIES = 6;
const MAX_HIGHLIGHTS = 6;

/*
 * Strengths read from her own words (skills, roles, duties, certificates). Each names a real
 * skill she listed; none is invented. Order: the first matches come first.
 */
const STRENGTHS: readonly (readonly [RegExp, string])[] = [
  [/育婴|早教|保育|托育|育儿|月嫂|母婴/, '有育婴、早教相关经验，耐心细致'],
  [/客服|接待|沟通|销售|导购|前台/, '善于沟通，服务意识强'],
  [/收银|会计|出纳|财务|记账|账目|excel|表格/i, '细心严谨，熟悉账目与表格处理'],
  [/电商|直播|新媒体|短视频|运营|剪辑|带货/, '熟悉电商与新媒体运营'],
  [/手工|编织|缝纫|钩织|刺绣|串珠|睫毛/, '动手能力强，擅长手工制作'],
  [/烹饪|厨|面点|烘焙|做饭|餐/, '擅长烹饪与面点制作'],
  [/保洁|家政|收纳|养老|护理|陪护/, '熟悉家政服务与生活照护'],
  [/教师|老师|辅导|家教|培训|授课/, '有教学辅导经验'],
  [/设计|美工|photoshop|\bps\b|绘图|插画/i, '具备设计能力'],
  [/编程|开发|程序|前端|后端|java|python/i, '具备编程开发能力'],
  [/质检|检验|品控|包装/, '认真负责，熟悉质检与包装流程'],
];

/** What a mother's years at home taught her, which employers of 妈妈岗 posts value. */
const MOTHER_STRENGTH = '育儿经历锻炼了耐心、责任心和统筹安排能力';

/*
 * Words that carry no information at the start of a point ("我主要负责…" says what
 * "负责…" says). Removed repeatedly, longest first.
 */
const FILLER_PREFIXES = ['我的工作是', '工作内容是', '工作内容：', '主要工作是', '本人', '我们', '我', '主要', '平时', '每天都', '每天', '一直', '日常'];

/**
 * The rule-based optimiser: tidies every text, merges duplicate skills and certificates, puts
 * the newest experience first, turns duties into short points, and builds highlights from her
 * experience, skills, certificates and strengths. A pure function of the resume and the date.
 */
export function optimiseResumeLocally(resume: ResumeContent, today: string): ResumeContent {
  const experiences = resume.experiences.map(tidyExperience).sort(newestFirst);
  const skills = dedupe(resume.skills.flatMap(splitList).map(tidy)).slice(0, RESUME_LIMITS.skills);
  const certificates = dedupe(resume.certificates.flatMap(splitList).map(tidy)).slice(0, RESUME_LIMITS.certificates);
  const preferredWork = cut(tidy(resume.preferredWork), RESUME_LIMITS.preferredWork);
  const months = experienceMonths(experiences, today);

  const derived: string[] = [];
  const experienceText = months >= 12 ? `累计约${Math.round(months / 12)}年工作经验` : months > 0 ? `有${months}个月工作经验` : '';
  if (experienceText) {
    const latest = experiences[0];
    derived.push(latest?.role ? `${experienceText}，最近担任${latest.role}` : experienceText);
  }
  if (skills.length > 0) derived.push(`掌握${skills.slice(0, 4).join('、')}`);
  if (certificates.length > 0) derived.push(`持有${certificates.slice(0, 3).join('、')}`);
  const corpus = [...skills, ...certificates, ...experiences.flatMap((e) => [e.role, ...e.duties])].join(' ');
  for (const [pattern, strength] of STRENGTHS) if (pattern.test(corpus)) derived.push(strength);
  derived.push(MOTHER_STRENGTH);
  const highlights = dedupe([...resume.highlights.map(tidy), ...derived])
    .map((h) => cut(h, RESUME_LIMITS.highlight))
    .slice(0, MAX_HIGHLIGHTS);

  let selfIntro = tidy(resume.selfIntro);
  if (selfIntro === '') {
    const parts = [experienceText, skills.length > 0 ? `掌握${skills.slice(0, 3).join('、')}等技能` : '', certificates.length > 0 ? `持有${certificates[0]}` : '']
      .filter((p) => p !== '')
      .join('，');
    selfIntro = [parts, preferredWork ? `希望从事${trimEnd(preferredWork)}` : '', '工作认真负责，能够兼顾家庭与工作']
      .filter((p) => p !== '')
      .join('。')
      .concat('。');
  }
  selfIntro = cut(selfIntro, RESUME_LIMITS.selfIntro);

  return { experiences, skills, certificates, preferredWork, selfIntro, highlights };
}

function tidyExperience(e: ResumeExperience): ResumeExperience {
  const points = dedupe(e.duties.flatMap(splitPoints).map(concisePoint)).slice(0, MAX_DUTIES);
  return {
    employer: cut(tidy(e.employer), RESUME_LIMITS.employer),
    role: cut(tidy(e.role), RESUME_LIMITS.role),
    from: e.from,
    to: e.to,
    duties: points.map((p) => cut(p, RESUME_LIMITS.duty)),
  };
}

/** Ongoing first, then by end and start month, latest first; undated ones last. */
function newestFirst(a: ResumeExperience, b: ResumeExperience): number {
  const key = (e: ResumeExperience) => (e.from === null && e.to === null ? '' : `${e.to ?? '9999-99'}|${e.from ?? ''}`);
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}

/** Months covered by at least one experience (overlaps counted once), each month counted whole. */
function experienceMonths(experiences: readonly ResumeExperience[], today: string): number {
  const thisMonth = monthIndex(today.slice(0, 7));
  const covered = new Set<number>();
  for (const e of experiences) {
    if (e.from === null) continue;
    const start = monthIndex(e.from);
    const end = Math.min(e.to === null ? thisMonth : monthIndex(e.to), thisMonth);
    for (let m = start; m <= end && covered.size < 1200; m++) covered.add(m);
  }
  return covered.size;
}

function monthIndex(yearMonth: string): number {
  const [y, m] = yearMonth.split('-').map(Number);
  return (y ?? 0) * 12 + (m ?? 1) - 1;
}

/** Collapses white space (full-width too) and runs of the same punctuation. */
function tidy(value: string): string {
  return value
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/([，。、；！？,.;!?])\1+/g, '$1')
    .trim();
}

/** A skill list typed into one field ("收银、理货/客服") becomes separate skills. */
function splitList(value: string): string[] {
  return value.split(/[、，,;；/|\n]+/).filter((s) => s.trim() !== '');
}

/** Sentences and lines become separate points; a bullet or number at the start goes. */
function splitPoints(value: string): string[] {
  return value
    .split(/[。；;！!？?\n]+/)
    .map((p) => p.replace(/^\s*(?:[•·\-*●○◆■]|\d{1,2}[.、)）]|[（(]\d{1,2}[)）])\s*/, ''))
    .filter((p) => p.trim() !== '');
}

function concisePoint(value: string): string {
  let point = tidy(value);
  let changed = true;
  while (changed) {
    changed = false;
    for (const prefix of FILLER_PREFIXES) {
      if (point.startsWith(prefix) && point.length > prefix.length + 1) {
        point = point.slice(prefix.length).replace(/^[，,：:\s]+/, '');
        changed = true;
      }
    }
  }
  return trimEnd(point);
}

function trimEnd(value: string): string {
  return value.replace(/[，。、；！？,.;!?\s]+$/, '');
}

/** Keeps the first of equal entries, ignoring case, spaces and a trailing full stop. */
function dedupe(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = trimEnd(v).replace(/\s+/g, '').toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

function cut(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : chars.slice(0, max).join('');
}
