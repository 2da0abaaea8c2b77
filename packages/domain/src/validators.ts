/**
 * Identifiers the product accepts: the employer's unified social credit code (统一社会信用代码,
 * GB 32100-2015), the resident identity card number (公民身份号码, GB 11643-1999) and a mainland
 * mobile number; plus masking for display and generators for seed data and tests.
 */
import { IsoDate, formatYmd, isValidYmd } from './dates';

export type ValidationResult<T> = ({ ok: true } & T) | { ok: false; code: string; message: string };

// ---------------------------------------------------------------------------------------------
// Unified social credit code
// ---------------------------------------------------------------------------------------------

/** GB 32100-2015 charset: digits and capitals without I, O, Z, S, V (easily misread). */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Registration authority + organisation category (first two characters), as the standard assigns them. */
export const USCC_CATEGORY_LABELS: Record<string, string> = {
  '11': '机关',
  '12': '事业单位',
  '13': '中央编办直接管理机构编制的群众团体',
  '19': '机构编制部门登记的其他机构',
  '51': '社会团体',
  '52': '民办非企业单位（社会服务机构）',
  '53': '基金会',
  '59': '民政部门登记的其他组织',
  '91': '企业',
  '92': '个体工商户',
  '93': '农民专业合作社',
};

function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

function normalizeCode(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

export function validateUscc(code: string): ValidationResult<{ normalized: string; category?: string }> {
  const normalized = normalizeCode(code ?? '');
  if (normalized.length !== 18) {
    return { ok: false, code: 'USCC_LENGTH', message: `统一社会信用代码应为18位，您输入了${normalized.length}位` };
  }
  const bad = [...normalized].find((c) => !USCC_CHARSET.includes(c));
  if (bad !== undefined) {
    return {
      ok: false,
      code: 'USCC_CHARSET',
      message: `统一社会信用代码含有不允许的字符“${bad}”（代码中不使用字母I、O、Z、S、V）`,
    };
  }
  if (usccCheckChar(normalized.slice(0, 17)) !== normalized[17]) {
    return { ok: false, code: 'USCC_CHECK', message: '统一社会信用代码校验位不正确，请逐位核对营业执照' };
  }
  return { ok: true, normalized, category: USCC_CATEGORY_LABELS[normalized.slice(0, 2)] };
}

/** Appends the check character; for seed data and tests. Throws on a malformed prefix. */
export function makeUscc(first17: string): string {
  const body = normalizeCode(first17);
  if (body.length !== 17 || [...body].some((c) => !USCC_CHARSET.includes(c))) {
    throw new RangeError(`USCC prefix must be 17 characters of ${USCC_CHARSET}: ${first17}`);
  }
  return body + usccCheckChar(body);
}

// ---------------------------------------------------------------------------------------------
// Resident identity number
// ---------------------------------------------------------------------------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_MAP = '10X98765432';
/*
 * Province-level codes of GB/T 2260, plus 81/82/83 used by residence permits of Hong Kong,
 * Macao and Taiwan residents.
 */
const ID_PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

export type Sex = 'female' | 'male';

function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_MAP[sum % 11];
}

/**
 * Validates an 18-digit resident identity number. A lowercase x is accepted and normalised to X,
 * because phone keyboards often produce it. Pass `now` to reject birth dates in the future.
 */
export function validateResidentId(
  id: string,
  now?: IsoDate,
): ValidationResult<{ normalized: string; birthDate: IsoDate; sex: Sex }> {
  const normalized = normalizeCode(id ?? '');
  if (normalized.length !== 18) {
    return { ok: false, code: 'ID_LENGTH', message: `身份证号码应为18位，您输入了${normalized.length}位` };
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return { ok: false, code: 'ID_FORMAT', message: '身份证号码前17位应为数字，最后一位为数字或X' };
  }
  if (!ID_PROVINCES.has(normalized.slice(0, 2))) {
    return { ok: false, code: 'ID_REGION', message: '身份证号码前两位不是有效的省级地区代码，请核对' };
  }
  const year = Number(normalized.slice(6, 10));
  const month = Number(normalized.slice(10, 12));
  const day = Number(normalized.slice(12, 14));
  const birthDate = formatYmd(year, month, day);
  if (year < 1900 || !isValidYmd(year, month, day) || (now !== undefined && birthDate > now)) {
    return { ok: false, code: 'ID_BIRTH_DATE', message: '身份证号码中的出生日期不正确，请核对' };
  }
  if (idCheckChar(normalized.slice(0, 17)) !== normalized[17]) {
    return { ok: false, code: 'ID_CHECK', message: '身份证号码校验位不正确，请逐位核对' };
  }
  return { ok: true, normalized, birthDate, sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Appends the check digit; for seed data and tests. Throws on a malformed prefix. */
export function makeResidentId(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`Resident ID prefix must be 17 digits: ${first17}`);
  return first17 + idCheckChar(first17);
}

// ---------------------------------------------------------------------------------------------
// Mobile numbers
// ---------------------------------------------------------------------------------------------

/** Mainland mobile numbers: 11 digits, 1 then 3-9. Strips spaces, dashes and a +86/0086 prefix. */
export function validateMobile(mobile: string): ValidationResult<{ normalized: string }> {
  let digits = (mobile ?? '').replace(/[\s\-()（）]/g, '');
  digits = digits.replace(/^(\+86|0086)/, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (!/^1[3-9]\d{9}$/.test(digits)) {
    return { ok: false, code: 'MOBILE_FORMAT', message: '请输入正确的11位手机号码' };
  }
  return { ok: true, normalized: digits };
}

// ---------------------------------------------------------------------------------------------
// Masking for lists, logs and exports
// ---------------------------------------------------------------------------------------------

export function maskMobile(mobile: string): string {
  const v = validateMobile(mobile);
  const digits = v.ok ? v.normalized : (mobile ?? '').replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Keeps the first 4 (province and city) and last 4 characters: '3710**********123X'. */
export function maskResidentId(id: string): string {
  const v = normalizeCode(id ?? '');
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** Compound surnames keep both characters, so 欧阳娜娜 is shown as 欧阳** rather than 欧***. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '令狐', '端木', '南宫', '独孤', '西门', '申屠', '公羊', '澹台', '濮阳', '太史', '呼延', '钟离',
  '闻人', '赫连', '万俟', '司空', '淳于', '单于', '第五', '百里', '东郭', '南门', '拓跋', '完颜',
]);

export function maskName(name: string): string {
  const chars = Array.from((name ?? '').trim());
  if (chars.length <= 1) return chars.length === 1 ? '*' : '';
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars[0] + chars[1]) ? 2 : 1;
  return chars.map((c, i) => (i < keep || c === '·' ? c : '*')).join('');
}
