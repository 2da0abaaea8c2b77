/**
 * A mother's structured resume, as stored (`resumes.content`), optimised and suggested. Every
 * list and text has a limit: the same limits bound what she sends, what an AI answer may
 * bring back, and what the local optimiser produces.
 */
export interface ResumeExperience {
  employer: string;
  role: string;
  /** 'YYYY-MM', or null when she does not remember. */
  from: string | null;
  /** 'YYYY-MM'; null: until now (or unknown when `from` is null too). */
  to: string | null;
  /** What she did, one point an entry. */
  duties: string[];
}

export interface ResumeContent {
  experiences: ResumeExperience[];
  skills: string[];
  certificates: string[];
  /** The work she is looking for, in her words. */
  preferredWork: string;
  selfIntro: string;
  /** Her strengths at a glance, at the top of the resume. */
  highlights: string[];
}

export const RESUME_LIMITS = {
  experiences: 20,
  employer: 100,
  role: 50,
  duties: 10,
  duty: 200,
  skills: 30,
  skill: 30,
  certificates: 20,
  certificate: 50,
  preferredWork: 200,
  selfIntro: 1000,
  highlights: 10,
  highlight: 100,
} as const;

export const YEAR_MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

export function emptyResume(skills: readonly string[] = []): ResumeContent {
  return { experiences: [], skills: [...skills].slice(0, RESUME_LIMITS.skills), certificates: [], preferredWork: '', selfIntro: '', highlights: [] };
}

export function isResumeEmpty(r: ResumeContent): boolean {
  return (
    r.experiences.length === 0 &&
    r.skills.length === 0 &&
    r.certificates.length === 0 &&
    r.preferredWork.trim() === '' &&
    r.selfIntro.trim() === '' &&
    r.highlights.length === 0
  );
}

/**
 * Reads a resume from anything shaped like one (an AI's answer, a stored row): keeps the known
 * fields, trims texts and cuts them and the lists to the limits. Returns null when the shape is
 * wrong (not an object, a list that is not a list, an experience that is not an object), so an
 * unreadable answer is told apart from a short one.
 */
export function readResume(raw: unknown): ResumeContent | null {
  if (!isObject(raw)) return null;
  const experiences = readList(raw.experiences, RESUME_LIMITS.experiences, (e) => {
    if (!isObject(e)) return undefined;
    const duties = readList(e.duties, RESUME_LIMITS.duties, (d) => text(d, RESUME_LIMITS.duty) || undefined);
    if (duties === null) return undefined;
    return {
      employer: text(e.employer, RESUME_LIMITS.employer),
      role: text(e.role, RESUME_LIMITS.role),
      from: yearMonth(e.from),
      to: yearMonth(e.to),
      duties,
    } satisfies ResumeExperience;
  });
  const skills = readList(raw.skills, RESUME_LIMITS.skills, (s) => text(s, RESUME_LIMITS.skill) || undefined);
  const certificates = readList(raw.certificates, RESUME_LIMITS.certificates, (c) => text(c, RESUME_LIMITS.certificate) || undefined);
  const highlights = readList(raw.highlights ?? [], RESUME_LIMITS.highlights, (h) => text(h, RESUME_LIMITS.highlight) || undefined);
  if (experiences === null || skills === null || certificates === null || highlights === null) return null;
  if (experiences.length !== countObjects(raw.experiences, RESUME_LIMITS.experiences)) return null;
  return {
    experiences,
    skills,
    certificates,
    preferredWork: text(raw.preferredWork, RESUME_LIMITS.preferredWork),
    selfIntro: text(raw.selfIntro, RESUME_LIMITS.selfIntro),
    highlights,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown, max: number): string {
  if (typeof v !== 'string' && typeof v !== 'number') return '';
  return [...String(v).trim()].slice(0, max).join('').trim();
}

function yearMonth(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^((?:19|20)\d{2})[-./年](\d{1,2})/.exec(v.trim());
  if (!m) return null;
  const value = `${m[1]}-${m[2]!.padStart(2, '0')}`;
  return YEAR_MONTH.test(value) ? value : null;
}

function readList<T>(v: unknown, max: number, item: (x: unknown) => T | undefined): T[] | null {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return null;
  const out: T[] = [];
  for (const x of v.slice(0, max)) {
    const read = item(x);
    if (read !== undefined) out.push(read);
  }
  return out;
}

function countObjects(v: unknown, max: number): number {
  return Array.isArray(v) ? v.slice(0, max).length : 0;
}
