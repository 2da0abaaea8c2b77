import { regionCovers } from '@mamagang/domain';

export const ROLES = ['mother', 'employer_member', 'station_worker', 'official'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  mother: '求职妈妈',
  employer_member: '用人单位',
  station_worker: '驿站工作人员',
  official: '人社/妇联工作人员',
};

/** One role a user holds, with the object it is scoped to. */
export interface RoleGrant {
  readonly role: Role;
  readonly employerId: string | null;
  readonly stationId: string | null;
  readonly regionCode: string | null;
}

/** Who is calling: loaded per request from the token's user id, so revoked roles take effect at once. */
export interface Principal {
  readonly userId: string;
  readonly displayName: string;
  readonly grants: readonly RoleGrant[];
  /** Her mother profile, once she has one. */
  readonly motherId: string | null;
}

export function hasRole(p: Principal, role: Role): boolean {
  return p.grants.some((g) => g.role === role);
}

export function employerIdsOf(p: Principal): string[] {
  return p.grants.filter((g) => g.role === 'employer_member' && g.employerId).map((g) => g.employerId as string);
}

export function isEmployerMember(p: Principal, employerId: string): boolean {
  return p.grants.some((g) => g.role === 'employer_member' && g.employerId === employerId);
}

export function officialRegionsOf(p: Principal): string[] {
  return p.grants.filter((g) => g.role === 'official' && g.regionCode).map((g) => g.regionCode as string);
}

/** An official whose region covers `regionCode` (a city official covers its districts). */
export function isOfficialFor(p: Principal, regionCode: string): boolean {
  return officialRegionsOf(p).some((scope) => regionCovers(scope, regionCode));
}

export function stationGrantsOf(p: Principal): { stationId: string; regionCode: string }[] {
  return p.grants
    .filter((g) => g.role === 'station_worker' && g.stationId && g.regionCode)
    .map((g) => ({ stationId: g.stationId as string, regionCode: g.regionCode as string }));
}

/** A station worker whose station's region covers `regionCode`. */
export function isStationWorkerFor(p: Principal, regionCode: string): boolean {
  return stationGrantsOf(p).some((g) => regionCovers(g.regionCode, regionCode));
}
