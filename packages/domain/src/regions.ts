/**
 * Regions are China's 6-digit administrative division codes (GB/T 2260): province `XX0000`,
 * prefecture-level city `XXXX00`, district or county `XXXXXX`. The code itself encodes the
 * hierarchy, so scope checks need no lookup table.
 */
export type RegionLevel = 'province' | 'city' | 'district';

export function isRegionCode(code: string): boolean {
  return /^[1-9]\d{5}$/.test(code);
}

export function regionLevel(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'district';
}

/** The codes above `code`, nearest first (a district's city, then its province). */
export function regionAncestors(code: string): string[] {
  const level = regionLevel(code);
  if (level === 'province') return [];
  const province = `${code.slice(0, 2)}0000`;
  if (level === 'city') return [province];
  return [`${code.slice(0, 4)}00`, province];
}

/** Whether an official or station of region `scope` may see an object of region `code`. */
export function regionCovers(scope: string, code: string): boolean {
  if (!isRegionCode(scope) || !isRegionCode(code)) return false;
  switch (regionLevel(scope)) {
    case 'province':
      return code.slice(0, 2) === scope.slice(0, 2);
    case 'city':
      return code.slice(0, 4) === scope.slice(0, 4);
    default:
      return code === scope;
  }
}

/** SQL LIKE pattern matching every code a scope covers, for indexed prefix queries. */
export function regionLikePattern(scope: string): string {
  switch (regionLevel(scope)) {
    case 'province':
      return `${scope.slice(0, 2)}%`;
    case 'city':
      return `${scope.slice(0, 4)}%`;
    default:
      return scope;
  }
}
