import { randomUUID } from 'node:crypto';
import { makeUscc } from '@mamagang/domain';
import { TokenService } from '../../src/modules/auth/token.service';
import type { Role } from '../../src/modules/users/principal';
import type { TestApp } from './test-app';

/**
 * Marketplace rows for the training, policy, claims and fraud tests, written in SQL so a test can
 * plant exactly the case a rule must catch (a hire without its application, a post created on a
 * given day) that the routes would never produce.
 */
export class SubsidyFixtures {
  private seq = 0;

  constructor(
    private readonly t: TestApp,
    private readonly now: () => Date,
  ) {}

  async user(name: string, grants: { role: Role; employerId?: string; stationId?: string; regionCode?: string }[] = []): Promise<{ id: string; token: string }> {
    const [u] = await this.t.dataSource.query(`INSERT INTO users (display_name, demo_key) VALUES ($1, $2) RETURNING id`, [name, `t-${randomUUID()}`]);
    for (const g of grants) {
      await this.t.dataSource.query(`INSERT INTO user_roles (user_id, role, employer_id, station_id, region_code) VALUES ($1, $2, $3, $4, $5)`, [
        u.id,
        g.role,
        g.employerId ?? null,
        g.stationId ?? null,
        g.regionCode ?? null,
      ]);
    }
    return { id: u.id, token: this.token(u.id) };
  }

  token(userId: string): string {
    return this.t.app.get(TokenService).issue(userId, this.now()).token;
  }

  async employer(o: { regionCode: string; name?: string; status?: 'approved' | 'pending'; isLabourDispatch?: boolean; kind?: string }): Promise<string> {
    this.seq += 1;
    const [e] = await this.t.dataSource.query(
      `INSERT INTO employers (uscc, name, kind, region_code, contact_name, contact_phone_cipher, contact_phone_masked, address, lat, lng, status, is_labour_dispatch)
       VALUES ($1, $2, $3, $4, '联系人', 'cipher', '138****0000', '地址', 37.5, 122.1, $5, $6) RETURNING id`,
      [makeUscc(`91${o.regionCode}MA${String(this.seq).padStart(3, '0')}${randomUUID().replace(/\D/g, '').slice(0, 5).padEnd(5, '0')}`.slice(0, 17)), o.name ?? `测试单位${this.seq}`, o.kind ?? 'enterprise', o.regionCode, o.status ?? 'approved', o.isLabourDispatch ?? false],
    );
    return e.id;
  }

  async mother(o: { regionCode: string; name: string; userId?: string; birthDate?: string; children?: [number, number][] }): Promise<string> {
    const [m] = await this.t.dataSource.query(`INSERT INTO mothers (user_id, name, region_code, birth_date) VALUES ($1, $2, $3, $4) RETURNING id`, [
      o.userId ?? null,
      o.name,
      o.regionCode,
      o.birthDate ?? '1990-04-12',
    ]);
    for (const [y, mo] of o.children ?? [[2021, 5]]) {
      await this.t.dataSource.query(`INSERT INTO children (mother_id, birth_year, birth_month) VALUES ($1, $2, $3)`, [m.id, y, mo]);
    }
    return m.id;
  }

  /** A mother who signs in: user, mother role, profile. */
  async signedInMother(name: string, regionCode: string): Promise<{ userId: string; motherId: string; token: string }> {
    const u = await this.user(name, [{ role: 'mother' }]);
    const motherId = await this.mother({ regionCode, name, userId: u.id });
    return { userId: u.id, motherId, token: u.token };
  }

  async post(o: {
    employerId: string;
    regionCode: string;
    title?: string;
    type?: string;
    payBasis?: string;
    payMin?: number;
    payMax?: number;
    createdAt?: Date;
    status?: string;
  }): Promise<string> {
    const [p] = await this.t.dataSource.query(
      `INSERT INTO posts (employer_id, region_code, type, title, headcount, pay_basis, pay_min, pay_max, hourly_min, hourly_max, hours_per_week,
         insurance, contract_form, valid_until, status, created_at)
       VALUES ($1, $2, $3, $4, 5, $5, $6, $7, 20, 25, 40, 'social', 'labour_contract', $8, $9, $10) RETURNING id`,
      [
        o.employerId,
        o.regionCode,
        o.type ?? 'production_line',
        o.title ?? '包装工',
        o.payBasis ?? 'monthly',
        o.payMin ?? 3000,
        o.payMax ?? 4000,
        new Date(this.now().getTime() + 90 * 86_400_000),
        o.status ?? 'open',
        o.createdAt ?? this.now(),
      ],
    );
    return p.id;
  }

  async application(o: { postId: string; motherId: string; employerId: string; status?: string }): Promise<string> {
    const [a] = await this.t.dataSource.query(
      `INSERT INTO applications (post_id, mother_id, employer_id, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
      [o.postId, o.motherId, o.employerId, o.status ?? 'hired', this.now()],
    );
    return a.id;
  }

  async hire(o: {
    applicationId: string;
    postId: string;
    employerId: string;
    motherId: string;
    startDate: string;
    contractForm?: string;
    contractMonths?: number;
    socialInsurance?: boolean;
    createdAt?: Date;
  }): Promise<string> {
    const [h] = await this.t.dataSource.query(
      `INSERT INTO hires (application_id, post_id, employer_id, mother_id, start_date, contract_form, contract_months, social_insurance, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [o.applicationId, o.postId, o.employerId, o.motherId, o.startDate, o.contractForm ?? 'labour_contract', o.contractMonths ?? 12, o.socialInsurance ?? true, o.createdAt ?? this.now()],
    );
    return h.id;
  }

  /** A post, her application to it (hired) and the hire: the honest path. */
  async hiredThroughPlatform(o: {
    employerId: string;
    regionCode: string;
    motherId: string;
    startDate: string;
    contractForm?: string;
    contractMonths?: number;
    socialInsurance?: boolean;
    title?: string;
  }): Promise<{ postId: string; applicationId: string; hireId: string }> {
    const postId = await this.post({ employerId: o.employerId, regionCode: o.regionCode, title: o.title ?? `岗位${++this.seq}` });
    const applicationId = await this.application({ postId, motherId: o.motherId, employerId: o.employerId });
    const hireId = await this.hire({ applicationId, postId, employerId: o.employerId, motherId: o.motherId, startDate: o.startDate, contractForm: o.contractForm, contractMonths: o.contractMonths, socialInsurance: o.socialInsurance });
    return { postId, applicationId, hireId };
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
