import type { ResumeContent } from './resume-content';

/** What replaces a removed identifier in text that leaves the API. */
export const REDACTED = '[已隐去]';

/*
 * Identifiers, written as people write them: with spaces or dashes between groups, a +86
 * prefix on a mobile. The look-arounds keep a longer run of digits (an order number) from
 * being cut in two and half of it left behind.
 */
// Resident ID: 18 characters (17 digits and a check digit or X), or the old 15 digits.
const RESIDENT_ID = /(?<![0-9A-Za-z])(?:\d[\s-]?){17}[\dXx](?![0-9A-Za-z])|(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * Removes ID numbers, phone numbers, e-mail addresses and the given names from a text. Names
 * are taken whole and, for a Chinese name of three or more characters, also without the
 * surname (her friends write 小红 for 王小红); single characters are left alone, as removing
 * them would mangle ordinary words.
 */
export function scrubText(value: string, names: readonly string[] = []): string {
  let out = value.replace(RESIDENT_ID, REDACTED).replace(MOBILE, REDACTED).replace(LANDLINE, REDACTED).replace(EMAIL, REDACTED);
  for (const name of nameVariants(names)) out = out.split(name).join(REDACTED);
  return out;
}

/** Every text of a resume through {@link scrubText}; the structure is unchanged. */
export function scrubResume(resume: ResumeContent, names: readonly string[] = []): ResumeContent {
  const s = (v: string) => scrubText(v, names);
  return {
    experiences: resume.experiences.map((e) => ({ ...e, employer: s(e.employer), role: s(e.role), duties: e.duties.map(s) })),
    skills: resume.skills.map(s),
    certificates: resume.certificates.map(s),
    preferredWork: s(resume.preferredWork),
    selfIntro: s(resume.selfIntro),
    highlights: resume.highlights.map(s),
  };
}

function nameVariants(names: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const raw of names) {
    const name = raw.replace(/\s+/g, '');
    const chars = [...name];
    if (chars.length >= 2) variants.add(name);
    if (chars.length >= 3 && /^\p{Script=Han}+$/u.test(name)) variants.add(chars.slice(1).join(''));
  }
  // Longest first, so 王小红 goes before 小红 leaves 王 behind.
  return [...variants].sort((a, b) => b.length - a.length);
}
