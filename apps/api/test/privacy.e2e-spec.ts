import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { makeResidentId } from '@mamagang/domain';
import { FixedClock } from '../src/common/clock/clock';
import { PiiCrypto } from '../src/common/crypto/pii-crypto';
import { TokenService } from '../src/modules/auth/token.service';
import { rotatePiiKeys } from '../src/modules/privacy/key-rotation';
import { KeyRotationRepository } from '../src/modules/privacy/key-rotation.repository';
import { insertEmployer, insertPost } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';
import { TEST_SECRETS } from './support/test-config';

/*
 * Privacy under the PIPL, over HTTP on a real database: a mother sees and exports everything held
 * about her (and nobody else's), officials' views of her data are logged and shown to her, an
 * official of another region cannot read that log, her account closes in one go (personal data
 * gone from every table, what a law requires kept anonymised), her profile needs her consent, and
 * a search location is neither stored nor logged.
 */

type Auth = { authorization: string };

// 2026-11-02 10:00 in China.
const START = new Date('2026-11-02T02:00:00Z');
const ID_NUMBER = makeResidentId('37100219900101100');
const PHONE = '13912345678';
const OTHER_PHONE = '13700001111';
// Her home, as she gives it; stored rounded to 37.487, 122.158.
const HOME = { lat: 37.48712, lng: 122.15789 };
// Where a search is made from: digits that appear nowhere else.
const SEARCH_POINT = { lat: 37.43219, lng: 122.21987 };

describe('privacy: her data, the access log, account deletion, consent, search locations', () => {
  const clock = new FixedClock(START);
  const logLines: string[] = [];
  let t: TestApp;
  let stationId: string;
  let officialId: string;
  let otherOfficialId: string;
  let workerId: string;
  let motherUserId: string;
  let motherId: string;
  let otherUserId: string;
  let otherMotherId: string;
  let employerId: string;
  let bossId: string;
  let hireId: string;

  const auth = (userId: string): Auth => ({ authorization: `Bearer ${t.app.get(TokenService).issue(userId, clock.now()).token}` });

  async function newUser(name: string, openid?: string): Promise<string> {
    const [u] = await t.dataSource.query(`INSERT INTO users (display_name, openid) VALUES ($1, $2) RETURNING id`, [name, openid ?? null]);
    return u.id;
  }

  /** Tables (public schema, but the migrations' bookkeeping) with a row whose text contains any of the needles. */
  async function tablesContaining(needles: readonly string[]): Promise<string[]> {
    const tables: { table_name: string }[] = await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
    );
    const found: string[] = [];
    for (const { table_name } of tables) {
      const [r] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table_name}" x WHERE x::text LIKE ANY($1::text[])`, [needles.map((n) => `%${n}%`)]);
      if (r.n > 0) found.push(table_name);
    }
    return found;
  }

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      env: { DEV_LOGIN: 'true', LOG_LEVEL: 'info' },
      logStream: { write: (line: string) => void logLines.push(line) },
    });
    officialId = await newUser('刘科长');
    await t.dataSource.query(`INSERT INTO user_roles (user_id, role, region_code) VALUES ($1, 'official', '371000')`, [officialId]);
    otherOfficialId = await newUser('文登区赵科长');
    await t.dataSource.query(`INSERT INTO user_roles (user_id, role, region_code) VALUES ($1, 'official', '371003')`, [otherOfficialId]);
    const [station] = await t.dataSource.query(
      `INSERT INTO stations (name, region_code, address, lat, lng) VALUES ('广州路社区妈妈岗驿站', '371002', '环翠区广州路88号', 37.5, 122.12) RETURNING id`,
    );
    stationId = station.id;
    workerId = await newUser('陈老师');
    await t.dataSource.query(`INSERT INTO user_roles (user_id, role, station_id, region_code) VALUES ($1, 'station_worker', $2, '371002')`, [workerId, stationId]);

    // She registers at the desk (consent recorded by the worker), then signs in and proves her phone.
    const registered = await t.http
      .post(`/api/stations/${stationId}/registrations`)
      .set(auth(workerId))
      .send({
        name: '王丽',
        phone: PHONE,
        idNumber: ID_NUMBER,
        children: [{ birthYear: 2022, birthMonth: 5 }],
        home: HOME,
        availableWindows: [{ day: 1, start: '09:00', end: '15:00' }],
        desiredHourly: 22,
        wantedTypes: ['handicraft'],
        wantedModes: ['take_home'],
        skills: ['缝纫'],
        trainingNeeds: ['handicraft'],
        registeredUnemployedSince: '2026-06-01',
        consent: { noticeVersion: 'sensitive-v1', givenAt: '2026-11-02T09:55:00+08:00' },
      })
      .expect(201);
    motherId = registered.body.mother.id;
    motherUserId = await newUser('王丽', 'openid-wangli-0001');
    const code = await t.http.post('/api/auth/phone/code').set(auth(motherUserId)).send({ phone: PHONE }).expect(200);
    const bound = await t.http.post('/api/auth/phone/verify').set(auth(motherUserId)).send({ phone: PHONE, code: code.body.devCode }).expect(200);
    expect(bound.body.linkedMotherId).toBe(motherId);

    // An employer with two posts: she was hired on one and has a pending application on the other.
    const employer = await insertEmployer(t, { name: '威海暖阳服饰' });
    employerId = employer.id;
    bossId = await newUser('张经理');
    await t.dataSource.query(`INSERT INTO user_roles (user_id, role, employer_id) VALUES ($1, 'employer_member', $2)`, [bossId, employerId]);
    const hiredPost = await insertPost(t, employerId);
    const openPost = await insertPost(t, employerId);
    const [hiredApp] = await t.dataSource.query(
      `INSERT INTO applications (post_id, mother_id, employer_id, status, decided_at) VALUES ($1, $2, $3, 'hired', now()) RETURNING id`,
      [hiredPost.id, motherId, employerId],
    );
    const [hire] = await t.dataSource.query(
      `INSERT INTO hires (application_id, post_id, employer_id, mother_id, start_date, contract_form, contract_months, social_insurance, reported_by)
       VALUES ($1, $2, $3, $4, '2026-11-09', 'service_agreement', 12, true, $5) RETURNING id`,
      [hiredApp.id, hiredPost.id, employerId, motherId, bossId],
    );
    hireId = hire.id;
    await t.dataSource.query(`UPDATE posts SET filled_count = 1 WHERE id = $1`, [hiredPost.id]);
    await t.dataSource.query(`INSERT INTO applications (post_id, mother_id, employer_id, status) VALUES ($1, $2, $3, 'submitted')`, [openPost.id, motherId, employerId]);
    await t.dataSource.query(`INSERT INTO resumes (mother_id, content) VALUES ($1, $2)`, [motherId, JSON.stringify({ summary: '王丽，缝纫熟练' })]);
    // Two subsidy claims on her hire: one decided (approved), one still waiting for review.
    const [policy] = await t.dataSource.query(`SELECT id FROM policy_versions WHERE kind = 'policy' ORDER BY effective_from DESC LIMIT 1`);
    const claim = (code: string, family: string, status: string, from: string, to: string) =>
      t.dataSource.query(
        `INSERT INTO subsidy_claims (hire_id, employer_id, mother_id, region_code, subsidy_code, subsidy_family, source, status, period_from, period_to,
                                     months, amount, basis, policy_version_id, check_result, decided_at, created_at, updated_at)
         VALUES ($1, $2, $3, '371002', $4, $5, 'employer', $6, $7, $8, 3, 1500, '测试依据', $9, '{}', $10, now(), now())`,
        [hireId, employerId, motherId, code, family, status, from, to, policy.id, status === 'approved' ? new Date() : null],
      );
    await claim('employer_social_insurance_flat', 'social_insurance', 'approved', '2026-11-09', '2027-02-08');
    await claim('employer_post_subsidy', 'post', 'submitted', '2026-11-09', '2027-02-08');

    // Another mother, who saves her own profile and applies to the same open post.
    otherUserId = await newUser('李娟');
    const saved = await t.http
      .put('/api/mothers/me')
      .set(auth(otherUserId))
      .send({
        name: '李娟',
        regionCode: '371002',
        children: [{ birthYear: 2021, birthMonth: 3 }],
        availableWindows: [],
        consent: { noticeVersion: 'sensitive-v1' },
      })
      .expect(200);
    otherMotherId = saved.body.id;
    await t.dataSource.query(`INSERT INTO applications (post_id, mother_id, employer_id, status) VALUES ($1, $2, $3, 'submitted')`, [openPost.id, otherMotherId, employerId]);
    const otherCode = await t.http.post('/api/auth/phone/code').set(auth(otherUserId)).send({ phone: OTHER_PHONE }).expect(200);
    await t.http.post('/api/auth/phone/verify').set(auth(otherUserId)).send({ phone: OTHER_PHONE, code: otherCode.body.devCode }).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores a profile she saves herself only with her consent to the current notice, recorded as given by herself', async () => {
    const someone = await newUser('周敏');
    const body = { name: '周敏', regionCode: '371002', children: [{ birthYear: 2020, birthMonth: 1 }], availableWindows: [] };
    const missing = await t.http.put('/api/mothers/me').set(auth(someone)).send(body).expect(400);
    expect(missing.body.code).toBe('PRIVACY_CONSENT_REQUIRED');
    const stale = await t.http.put('/api/mothers/me').set(auth(someone)).send({ ...body, consent: { noticeVersion: 'sensitive-v0' } }).expect(400);
    expect(stale.body.code).toBe('PRIVACY_CONSENT_INVALID');
    const [none] = await t.dataSource.query(`SELECT count(*)::int AS n FROM mothers WHERE user_id = $1`, [someone]);
    expect(none.n).toBe(0);

    const consents = await t.dataSource.query(
      `SELECT c.notice_version, c.via, c.recorded_by, m.consent_version FROM consents c JOIN mothers m ON m.id = c.mother_id WHERE m.id = $1`,
      [otherMotherId],
    );
    expect(consents).toEqual([{ notice_version: 'sensitive-v1', via: 'self', recorded_by: otherUserId, consent_version: 'sensitive-v1' }]);
    // Once given, later saves need not repeat it (and do not record it twice).
    await t.http.put('/api/mothers/me').set(auth(otherUserId)).send({ name: '李娟', regionCode: '371002', children: [{ birthYear: 2021, birthMonth: 3 }], availableWindows: [] }).expect(200);
    const [again] = await t.dataSource.query(`SELECT count(*)::int AS n FROM consents WHERE mother_id = $1`, [otherMotherId]);
    expect(again.n).toBe(1);
  });

  it('logs an official’s and a worker’s views of her data; she sees them, her region’s officials list them, another region’s cannot', async () => {
    await t.http.get(`/api/mothers/${motherId}/plan`).set(auth(officialId)).expect(200);
    const list = await t.http.get(`/api/stations/${stationId}/mothers`).set(auth(workerId)).expect(200);
    const shown = (list.body as { id: string }[]).map((m) => m.id).sort();
    expect(shown).toContain(motherId);
    // Her own reading is not a view by someone else.
    await t.http.get('/api/mothers/me/plan').set(auth(motherUserId)).expect(200);

    const rows = await t.dataSource.query(`SELECT viewer_user_id, viewer_role, subject_mother_ids::text[] AS subjects, action, region_code FROM personal_data_access_log ORDER BY at, action`);
    expect(rows).toEqual(
      expect.arrayContaining([
        { viewer_user_id: officialId, viewer_role: 'official', subjects: [motherId], action: 'followup.plan', region_code: '371002' },
        { viewer_user_id: workerId, viewer_role: 'station_worker', subjects: expect.arrayContaining(shown), action: 'stations.mothers', region_code: '371002' },
      ]),
    );
    expect(rows).toHaveLength(2);

    const mine = await t.http.get('/api/me/data').set(auth(motherUserId)).expect(200);
    expect(mine.body.accessLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ viewerName: '刘科长', viewerRole: 'official', viewerRoleLabel: '人社/妇联工作人员', actionLabel: '查看12333服务计划', route: 'GET /api/mothers/:id/plan' }),
        expect.objectContaining({ viewerName: '陈老师', viewerRole: 'station_worker', action: 'stations.mothers' }),
      ]),
    );

    const forHer = await t.http.get(`/api/official/access-log?motherId=${motherId}`).set(auth(officialId)).expect(200);
    expect(forHer.body.items.map((i: { action: string }) => i.action).sort()).toEqual(['followup.plan', 'stations.mothers']);
    const region = await t.http.get('/api/official/access-log').set(auth(officialId)).expect(200);
    expect(region.body.items).toHaveLength(2);

    const elsewhere = await t.http.get(`/api/official/access-log?motherId=${motherId}`).set(auth(otherOfficialId)).expect(404);
    expect(elsewhere.body.code).toBe('NOT_FOUND');
    const elsewhereRegion = await t.http.get('/api/official/access-log').set(auth(otherOfficialId)).expect(200);
    expect(elsewhereRegion.body.items).toEqual([]);
    await t.http.get('/api/official/access-log').set(auth(workerId)).expect(403);
    await t.http.get('/api/official/access-log').set(auth(motherUserId)).expect(403);
  });

  it('shows and exports everything about her, phone in full, ID masked, nobody else’s data', async () => {
    const res = await t.http.get('/api/me/data').set(auth(motherUserId)).expect(200);
    const data = res.body;
    expect(data.account).toMatchObject({ userId: motherUserId, phone: PHONE, roles: ['mother'] });
    expect(data.profile).toMatchObject({
      id: motherId,
      name: '王丽',
      phone: PHONE,
      idMasked: `3710**********${ID_NUMBER.slice(-4)}`,
      homeLat: 37.487,
      homeLng: 122.158,
      stationName: '广州路社区妈妈岗驿站',
      consentVersion: 'sensitive-v1',
      children: [{ birthYear: 2022, birthMonth: 5 }],
    });
    expect(data.records.applications.map((a: { status: string }) => a.status).sort()).toEqual(['hired', 'submitted']);
    expect(data.records.hires).toEqual([expect.objectContaining({ id: hireId, employerName: '威海暖阳服饰', startDate: '2026-11-09' })]);
    expect(data.records.followUpPlan).toEqual([expect.objectContaining({ stationName: '广州路社区妈妈岗驿站', registeredOn: '2026-11-02' })]);
    expect(data.records.followUpItems).toHaveLength(11);
    expect(data.records.consents).toEqual([expect.objectContaining({ noticeVersion: 'sensitive-v1', via: 'station' })]);
    expect(data.records.resume).toEqual([expect.objectContaining({ content: { summary: '王丽，缝纫熟练' } })]);
    expect(data.retainedOnDeletion.length).toBeGreaterThan(0);

    const text = JSON.stringify(data);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain('李娟');
    expect(text).not.toContain(otherMotherId);
    expect(text).not.toContain(OTHER_PHONE);

    const file = await t.http.get('/api/me/data/export').set(auth(motherUserId)).expect(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="mamagang-my-data-2026-11-02\.json"$/);
    expect(file.headers['content-type']).toContain('application/json');
    const exported = JSON.parse(file.text);
    expect(exported.profile).toMatchObject({ id: motherId, name: '王丽', phone: PHONE });
    expect(exported.records.hires).toHaveLength(1);
    expect(exported.records.subsidyClaims.map((c: { status: string }) => c.status).sort()).toEqual(['approved', 'submitted']);
    expect(file.text).not.toContain('李娟');

    await t.http.get('/api/me/data').expect(401);
  });

  it('never stores or logs where a search was made from', async () => {
    const { lat, lng } = SEARCH_POINT;
    const before = logLines.length;
    // A mother searching posts from a point (her own ranking), and anyone looking for fairs near one.
    await t.http.get(`/api/posts/search?lat=${lat}&lng=${lng}&radiusKm=20`).set(auth(otherUserId)).expect(200);
    await t.http.get(`/api/fairs?lat=${lat}&lng=${lng}`).expect(200);
    const needles = [String(lat), String(lng), String(Math.round(lat * 1000) / 1000), String(Math.round(lng * 1000) / 1000)];
    expect(await tablesContaining(needles)).toEqual([]);

    const logged = logLines.slice(before).join('');
    // The requests were logged (so the check below is about real log lines) ...
    expect(logged).toContain('/api/posts/search');
    expect(logged).toContain('/api/fairs');
    // ... without the point.
    for (const needle of needles) expect(logged).not.toContain(needle);
  });

  it('refuses to close an account without the confirmation, or a staff account', async () => {
    const wrong = await t.http.post('/api/me/delete').set(auth(motherUserId)).send({ confirm: '确认' }).expect(400);
    expect(wrong.body.code).toBe('PRIVACY_CONFIRMATION_REQUIRED');
    await t.http.post('/api/me/delete').set(auth(motherUserId)).send({}).expect(400);
    const staff = await t.http.post('/api/me/delete').set(auth(bossId)).send({ confirm: '确认注销' }).expect(409);
    expect(staff.body.code).toBe('PRIVACY_STAFF_ACCOUNT');
    const [still] = await t.dataSource.query(`SELECT name, user_id FROM mothers WHERE id = $1`, [motherId]);
    expect(still).toEqual({ name: '王丽', user_id: motherUserId });
  });

  it('closes her account: personal data gone from every table, required records kept anonymised, others untouched', async () => {
    const crypto = t.app.get(PiiCrypto);
    const before = await t.dataSource.query(`SELECT id_hash, phone_hash, id_cipher, phone_cipher FROM mothers WHERE id = $1`, [motherId]);
    const [userBefore] = await t.dataSource.query(`SELECT phone_hash, phone_cipher FROM users WHERE id = $1`, [motherUserId]);
    const token = auth(motherUserId);

    // The scan below finds what is there: before deletion, these tables hold her data.
    expect(await tablesContaining(['王丽', crypto.hash('phone', PHONE), '37.487'])).toEqual(expect.arrayContaining(['mothers', 'phone_codes', 'resumes', 'users']));

    const res = await t.http.post('/api/me/delete').set(token).send({ confirm: '确认注销' }).expect(200);
    expect(res.body).toMatchObject({ deleted: true, applicationsWithdrawn: 1 });
    expect(res.body.kept.length).toBeGreaterThan(0);

    // Her sign-in stops working, whatever token she still holds.
    await t.http.get('/api/me').set(token).expect(401);
    await t.http.get('/api/me/data').set(token).expect(401);

    // No table holds her name, phone, ID number, their hashes or ciphertexts, her openid or her home.
    const pii = [
      '王丽',
      PHONE,
      '139****5678',
      ID_NUMBER,
      `3710**********${ID_NUMBER.slice(-4)}`,
      crypto.hash('phone', PHONE),
      crypto.hash('id', ID_NUMBER),
      before[0].id_cipher,
      before[0].phone_cipher,
      userBefore.phone_cipher,
      'openid-wangli-0001',
      '37.487',
      '122.158',
    ];
    expect(before[0].phone_hash).toBe(crypto.hash('phone', PHONE));
    expect(await tablesContaining(pii)).toEqual([]);

    // Kept, anonymised: the hire (employment registration behind subsidies) and the 12333 record.
    const [mother] = await t.dataSource.query(
      `SELECT name, user_id, phone_hash, id_hash, home_lat, birth_date, region_code, deleted_at IS NOT NULL AS deleted FROM mothers WHERE id = $1`,
      [motherId],
    );
    expect(mother).toEqual({ name: '已注销用户', user_id: null, phone_hash: null, id_hash: null, home_lat: null, birth_date: null, region_code: '371002', deleted: true });
    const counts = async (id: string) =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*) FROM hires WHERE mother_id = $1)::int AS hires,
                  (SELECT count(*) FROM applications WHERE mother_id = $1)::int AS applications,
                  (SELECT count(*) FROM children WHERE mother_id = $1)::int AS children,
                  (SELECT count(*) FROM consents WHERE mother_id = $1)::int AS consents,
                  (SELECT count(*) FROM resumes WHERE mother_id = $1)::int AS resumes,
                  (SELECT count(*) FROM subsidy_claims WHERE mother_id = $1 AND status = 'approved')::int AS approved_claims,
                  (SELECT count(*) FROM subsidy_claims WHERE mother_id = $1 AND status <> 'approved')::int AS open_claims,
                  (SELECT count(*) FROM follow_up_plans WHERE mother_id = $1)::int AS plans,
                  (SELECT count(*) FROM follow_up_items WHERE mother_id = $1 AND served_on IS NULL AND stopped_on IS NULL)::int AS open_items`,
          [id],
        )
      )[0];
    expect(await counts(motherId)).toEqual({ hires: 1, applications: 1, children: 0, consents: 0, resumes: 0, approved_claims: 1, open_claims: 0, plans: 1, open_items: 0 });
    const [user] = await t.dataSource.query(
      `SELECT display_name, openid, phone_hash, demo_key, deleted_at IS NOT NULL AS deleted, (SELECT count(*) FROM user_roles WHERE user_id = $1)::int AS roles FROM users WHERE id = $1`,
      [motherUserId],
    );
    expect(user).toEqual({ display_name: '已注销用户', openid: null, phone_hash: null, demo_key: null, deleted: true, roles: 0 });

    // The employer still counts the hire, under the anonymised name, and was told of the withdrawn application.
    const hires = await t.http.get(`/api/employers/${employerId}/hires`).set(auth(bossId)).expect(200);
    expect(hires.body).toEqual([expect.objectContaining({ id: hireId, mother: { id: motherId, name: '已注销用户' } })]);
    const inbox = await t.http.get('/api/notifications').set(auth(bossId)).expect(200);
    expect(inbox.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'application_withdrawn', body: expect.stringContaining('注销账号') }),
        expect.objectContaining({ kind: 'claim_withdrawn', body: expect.stringContaining('注销账号') }),
      ]),
    );

    // The other mother is untouched.
    expect(await counts(otherMotherId)).toEqual({ hires: 0, applications: 1, children: 1, consents: 1, resumes: 0, approved_claims: 0, open_claims: 0, plans: 0, open_items: 0 });
    const other = await t.http.get('/api/mothers/me').set(auth(otherUserId)).expect(200);
    expect(other.body).toMatchObject({ id: otherMotherId, name: '李娟' });
    const otherData = await t.http.get('/api/me/data').set(auth(otherUserId)).expect(200);
    expect(otherData.body.account.phone).toBe(OTHER_PHONE);

    // The access log (who saw what) stays for accountability; it names ids, no personal data.
    const log = await t.http.get(`/api/official/access-log?motherId=${motherId}`).set(auth(officialId)).expect(200);
    expect(log.body.items).toHaveLength(2);

    // Signing in with WeChat again makes a new, empty account.
    const [fresh] = await t.dataSource.query(`INSERT INTO users (openid) VALUES ('openid-wangli-0001') RETURNING id`);
    const again = await t.http.get('/api/me/data').set(auth(fresh.id)).expect(200);
    expect(again.body.profile).toBeNull();
  });

  it('rotates keys: values under an old key still open, are re-encrypted and re-hashed, and then read with the new key alone', async () => {
    const current = Buffer.from(TEST_SECRETS.ID_ENCRYPTION_KEY, 'hex');
    const hashKey = Buffer.from(TEST_SECRETS.ID_HASH_KEY, 'hex');
    const oldKey = randomBytes(32);
    const oldHashKey = randomBytes(32);
    const old = new PiiCrypto({ encryptionKey: oldKey, hashKey: oldHashKey });
    const id = makeResidentId('37100219920202200');
    const phone = '13655556666';
    const [m] = await t.dataSource.query(
      `INSERT INTO mothers (name, region_code, phone_hash, phone_cipher, phone_masked, id_hash, id_cipher, id_masked) VALUES ('旧钥妈妈', '371002', $1, $2, '136****6666', $3, $4, 'x') RETURNING id`,
      [old.hash('phone', phone), old.encrypt(phone), old.hash('id', id), old.encrypt(id)],
    );
    // The app (no previous key configured) cannot open it; the rotation, given the old key as previous, can.
    expect(() => t.app.get(PiiCrypto).decrypt(old.encrypt(phone))).toThrow(/no key/);
    const rotating = new PiiCrypto({ encryptionKey: current, previousEncryptionKeys: [oldKey], hashKey });
    const repo = new KeyRotationRepository(t.app.get(DataSource));
    const first = await rotatePiiKeys(repo, rotating, { rehash: true, currentKey: current });
    expect(first.find((r) => r.column === 'mothers.id_cipher')).toMatchObject({ reencrypted: 1, rehashed: 1 });

    const app = t.app.get(PiiCrypto);
    const [after] = await t.dataSource.query(`SELECT phone_cipher, phone_hash, id_cipher, id_hash FROM mothers WHERE id = $1`, [m.id]);
    expect(app.decrypt(after.id_cipher)).toBe(id);
    expect(app.decrypt(after.phone_cipher)).toBe(phone);
    expect(after.id_hash).toBe(app.hash('id', id));
    expect(after.phone_hash).toBe(app.hash('phone', phone));
    // Every other value was already current: nothing else changed, and a second run finds nothing to do.
    const again = await rotatePiiKeys(repo, rotating, { rehash: true, currentKey: current });
    expect(again.every((r) => r.reencrypted === 0 && r.rehashed === 0)).toBe(true);
    expect(first.reduce((n, r) => n + r.reencrypted, 0)).toBe(2);
  });
});
