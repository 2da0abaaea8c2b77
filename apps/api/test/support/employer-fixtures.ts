import { makeUscc } from '@mamagang/domain';
import { TokenService } from '../../src/modules/auth/token.service';
import type { TestApp } from './test-app';

/** Helpers shared by the employer and post tests: people with roles, and valid filings. */

export type Auth = { authorization: string };

export interface Person {
  userId: string;
  auth: Auth;
}

export class People {
  private seq = 0;

  /** `now` is the clock tokens are checked against: the test's FixedClock time, if it has one. */
  constructor(
    private readonly t: TestApp,
    private readonly now: () => Date = () => new Date(),
  ) {}

  tokenFor(userId: string): Auth {
    return { authorization: `Bearer ${this.t.app.get(TokenService).issue(userId, this.now()).token}` };
  }

  async user(name: string): Promise<Person> {
    this.seq += 1;
    const [u] = await this.t.dataSource.query(`INSERT INTO users (display_name) VALUES ($1) RETURNING id`, [`${name}${this.seq}`]);
    return { userId: u.id, auth: this.tokenFor(u.id) };
  }

  async official(regionCode: string): Promise<Person> {
    const person = await this.user(`官员${regionCode}-`);
    await this.t.dataSource.query(`INSERT INTO user_roles (user_id, role, region_code) VALUES ($1, 'official', $2)`, [person.userId, regionCode]);
    return person;
  }

  /** A mother profile holder (no employer role). */
  async mother(): Promise<Person> {
    const person = await this.user('妈妈');
    await this.t.dataSource.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'mother')`, [person.userId]);
    return person;
  }
}

let usccSeq = 0;

/** A valid unified social credit code not used before in this test file (each file has its own database). */
export function freshUscc(prefix = '91371002MA'): string {
  usccSeq += 1;
  return makeUscc(`${prefix}${String(1000000 + usccSeq).slice(-7)}`);
}

/** A filing body that passes every check; override what a test is about. */
export function filing(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uscc: freshUscc(),
    name: '威海暖阳服饰有限公司',
    kind: 'enterprise',
    regionCode: '371002',
    contactName: '张经理',
    contactPhone: '13812345678',
    address: '环翠区文化西路1号',
    location: { lat: 37.51, lng: 122.11 },
    facilities: { motherBabyRoom: true, childcare: false, shuttleBus: true },
    ...overrides,
  };
}

export async function count(t: TestApp, table: 'employers' | 'posts' | 'notifications' | 'user_roles', where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return row.n;
}
