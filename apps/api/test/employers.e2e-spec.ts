import { PiiCrypto } from '../src/common/crypto/pii-crypto';
import { count, filing, freshUscc, People, type Person } from './support/employer-fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/*
 * The employer directory over HTTP: filing, review by the officials of the region (and only
 * them), the friendly mark, the public directory, and what each caller may read of a filing.
 */
describe('employer directory', () => {
  let t: TestApp;
  let people: People;
  let filer: Person;
  let cityOfficial: Person;
  let otherOfficial: Person;
  let employerId: string;
  const uscc = freshUscc();
  const wrongCheck = `${uscc.slice(0, 17)}${uscc.endsWith('0') ? '1' : '0'}`;

  beforeAll(async () => {
    t = await createTestApp();
    people = new People(t);
    filer = await people.user('备案人');
    cityOfficial = await people.official('371000');
    // 荣成市 is a district-level code of Weihai: it does not cover 环翠区.
    otherOfficial = await people.official('371082');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('filing', () => {
    it('needs a signed-in user', async () => {
      const res = await t.http.post('/api/employers').send(filing());
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['a code with a wrong check character', { uscc: wrongCheck }, 'EMPLOYER_USCC_INVALID', '统一社会信用代码校验位不正确，请逐位核对营业执照'],
      ['a code of the wrong length', { uscc: '9137100' }, 'EMPLOYER_USCC_INVALID', '统一社会信用代码应为18位，您输入了7位'],
      ['a landline for the contact', { contactPhone: '0631-5212345' }, 'EMPLOYER_PHONE_INVALID', /11位手机号码/],
      ['an unknown region', { regionCode: '371099' }, 'EMPLOYER_REGION_UNKNOWN', '所在地区不存在，请重新选择'],
      ['a pin in Beijing for a Weihai employer', { location: { lat: 39.9042, lng: 116.4074 } }, 'EMPLOYER_LOCATION_INVALID', /距环翠区约\d+公里，超出100公里/],
      ['a pin at (0, 0)', { location: { lat: 0, lng: 0 } }, 'EMPLOYER_LOCATION_INVALID', /不在中国境内/],
    ])('refuses %s and writes nothing', async (_name, overrides, code, message) => {
      const res = await t.http.post('/api/employers').set(filer.auth).send(filing(overrides));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(res.body.message).toMatch(message);
      expect(await count(t, 'employers')).toBe(0);
      expect(await count(t, 'user_roles', 'user_id = $1', [filer.userId])).toBe(0);
    });

    it('refuses unknown fields and missing ones with the fields named', async () => {
      const extra = await t.http.post('/api/employers').set(filer.auth).send(filing({ status: 'approved' }));
      expect(extra.status).toBe(400);
      expect(extra.body.details).toContainEqual({ field: 'status', rule: 'whitelistValidation', message: '不支持该字段' });
      const { location: _omit, ...noLocation } = filing();
      const missing = await t.http.post('/api/employers').set(filer.auth).send(noLocation);
      expect(missing.status).toBe(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('location');
      expect(await count(t, 'employers')).toBe(0);
    });

    it('files a pending employer, normalises the code, keeps the phone encrypted and makes the filer a member', async () => {
      const typed = `${uscc.slice(0, 6).toLowerCase()} ${uscc.slice(6)}`;
      const res = await t.http.post('/api/employers').set(filer.auth).send(filing({ uscc: typed, contactPhone: '+86 138-1234-5678' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        uscc,
        name: '威海暖阳服饰有限公司',
        kind: 'enterprise',
        kindLabel: '企业',
        regionCode: '371002',
        status: 'pending',
        statusLabel: '待审核',
        contactName: '张经理',
        contactPhoneMasked: '138****5678',
        facilities: { motherBabyRoom: true, childcare: false, shuttleBus: true },
        friendly: false,
        isLabourDispatch: false,
        reviewReason: null,
      });
      employerId = res.body.id;

      const [row] = await t.dataSource.query(`SELECT contact_phone_cipher, filed_by FROM employers WHERE id = $1`, [employerId]);
      expect(row.contact_phone_cipher).not.toContain('13812345678');
      expect(t.app.get(PiiCrypto).decrypt(row.contact_phone_cipher)).toBe('13812345678');
      expect(row.filed_by).toBe(filer.userId);

      const me = await t.http.get('/api/me').set(filer.auth);
      expect(me.body.roles).toEqual([{ role: 'employer_member', employerId, stationId: null, regionCode: null }]);
      const mine = await t.http.get('/api/employers/mine').set(filer.auth);
      expect(mine.body.map((e: { id: string }) => e.id)).toEqual([employerId]);
    });

    it('refuses a second filing of the same code with 409 and writes nothing', async () => {
      const other = await people.user('另一人');
      const res = await t.http.post('/api/employers').set(other.auth).send(filing({ uscc, name: '另一家公司' }));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('EMPLOYER_DUPLICATE');
      expect(res.body.message).toMatch(/已经备案，不能重复备案/);
      expect(await count(t, 'employers', 'uscc = $1', [uscc])).toBe(1);
      expect(await count(t, 'user_roles', 'user_id = $1', [other.userId])).toBe(0);
    });

    it('lets exactly one of 20 concurrent filings of one code through', async () => {
      const racing = freshUscc();
      const users = await Promise.all(Array.from({ length: 20 }, () => people.user('并发')));
      const results = await Promise.all(users.map((u) => t.http.post('/api/employers').set(u.auth).send(filing({ uscc: racing }))));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'EMPLOYER_DUPLICATE')).toBe(true);
      expect(await count(t, 'employers', 'uscc = $1', [racing])).toBe(1);
      const winner = results.find((r) => r.status === 201)!.body.id;
      expect(await count(t, 'user_roles', `role = 'employer_member' AND employer_id = $1`, [winner])).toBe(1);
    });
  });

  describe('review', () => {
    it('hides a pending filing from the public and from officials of other regions', async () => {
      expect((await t.http.get(`/api/employers/${employerId}`)).status).toBe(404);
      expect((await t.http.get(`/api/employers/${employerId}`).set(otherOfficial.auth)).status).toBe(404);
      const list = await t.http.get('/api/official/employers').set(otherOfficial.auth);
      expect(list.status).toBe(200);
      expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(employerId);
      const approve = await t.http.post(`/api/official/employers/${employerId}/approve`).set(otherOfficial.auth).send({});
      expect(approve.status).toBe(404);
      expect(await count(t, 'employers', `id = $1 AND status = 'pending'`, [employerId])).toBe(1);
    });

    it('keeps the review routes to officials', async () => {
      const res = await t.http.post(`/api/official/employers/${employerId}/approve`).set(filer.auth).send({});
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });

    it('shows the filing to the member, and to the official of its city, with the phone masked', async () => {
      for (const viewer of [filer, cityOfficial]) {
        const res = await t.http.get(`/api/employers/${employerId}`).set(viewer.auth);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'pending', contactName: '张经理', contactPhoneMasked: '138****5678' });
      }
      const list = await t.http.get('/api/official/employers?status=pending').set(cityOfficial.auth);
      expect(list.body.items.map((e: { id: string }) => e.id)).toContain(employerId);
      expect(list.body.page).toBe(1);
    });

    it('lets the official of the region approve, naming the service officer, and tells the employer', async () => {
      const res = await t.http.post(`/api/official/employers/${employerId}/approve`).set(cityOfficial.auth).send({ serviceOfficer: '李明' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'approved', statusLabel: '已通过', serviceOfficer: '李明' });
      expect(res.body.reviewedAt).toEqual(expect.any(String));
      const [n] = await t.dataSource.query(`SELECT kind, title, body FROM notifications WHERE recipient_kind = 'employer' AND recipient_id = $1`, [employerId]);
      expect(n).toMatchObject({ kind: 'employer_approved', title: '单位备案已通过' });
      expect(n.body).toContain('服务专员：李明');
      const inbox = await t.http.get('/api/notifications').set(filer.auth);
      expect(inbox.body.map((x: { kind: string }) => x.kind)).toContain('employer_approved');
    });

    it('refuses to review a filing twice', async () => {
      for (const action of ['approve', 'reject']) {
        const res = await t.http.post(`/api/official/employers/${employerId}/${action}`).set(cityOfficial.auth).send(action === 'reject' ? { reason: '重复审核' } : {});
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('EMPLOYER_ALREADY_REVIEWED');
      }
      expect(await count(t, 'notifications', 'recipient_id = $1', [employerId])).toBe(1);
    });

    it('answers an approval with no body at all', async () => {
      const other = await people.user('无正文');
      const filed = await t.http.post('/api/employers').set(other.auth).send(filing());
      const res = await t.http.post(`/api/official/employers/${filed.body.id}/approve`).set(cityOfficial.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'approved', serviceOfficer: null });
    });

    it('does not let an official review a filing of her own employer', async () => {
      const both = await people.official('371000');
      const filed = await t.http.post('/api/employers').set(both.auth).send(filing());
      expect(filed.status).toBe(201);
      const res = await t.http.post(`/api/official/employers/${filed.body.id}/approve`).set(people.tokenFor(both.userId)).send({});
      expect(res.status).toBe(403);
      expect(await count(t, 'employers', `id = $1 AND status = 'pending'`, [filed.body.id])).toBe(1);
    });

    it('rejects with a reason, lets the member edit and resubmit, and a rejected filing cannot be approved as it was', async () => {
      const member = await people.user('被驳回');
      const filed = await t.http.post('/api/employers').set(member.auth).send(filing({ name: '威海某某家政服务中心', kind: 'social_organisation' }));
      const id = filed.body.id;
      const noReason = await t.http.post(`/api/official/employers/${id}/reject`).set(cityOfficial.auth).send({});
      expect(noReason.status).toBe(400);

      const rejected = await t.http.post(`/api/official/employers/${id}/reject`).set(cityOfficial.auth).send({ reason: '营业执照名称与填写不一致' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', reviewReason: '营业执照名称与填写不一致' });
      expect(await count(t, 'notifications', `recipient_id = $1 AND kind = 'employer_rejected'`, [id])).toBe(1);
      const approve = await t.http.post(`/api/official/employers/${id}/approve`).set(cityOfficial.auth).send({});
      expect(approve.status).toBe(409);
      expect(approve.body.code).toBe('EMPLOYER_ALREADY_REVIEWED');

      const mine = await t.http.get('/api/employers/mine').set(member.auth);
      expect(mine.body[0]).toMatchObject({ status: 'rejected', reviewReason: '营业执照名称与填写不一致' });

      const stranger = await people.user('路人');
      const notMine = await t.http.put(`/api/employers/${id}`).set(people.tokenFor(filer.userId)).send(filing({ uscc: filed.body.uscc }));
      expect(notMine.status).toBe(404);
      expect((await t.http.put(`/api/employers/${id}`).set(stranger.auth).send(filing())).status).toBe(403);

      const resubmitted = await t.http.put(`/api/employers/${id}`).set(member.auth).send(filing({ uscc: filed.body.uscc, name: '威海市某某家政服务中心', kind: 'social_organisation' }));
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body).toMatchObject({ status: 'pending', reviewReason: null, name: '威海市某某家政服务中心' });
      const approved = await t.http.post(`/api/official/employers/${id}/approve`).set(cityOfficial.auth).send({});
      expect(approved.body.status).toBe('approved');

      const afterApproval = await t.http.put(`/api/employers/${id}`).set(member.auth).send(filing({ uscc: filed.body.uscc }));
      expect(afterApproval.status).toBe(409);
      expect(afterApproval.body.code).toBe('EMPLOYER_NOT_EDITABLE');
    });

    it('refuses a resubmission that takes another employer’s code', async () => {
      const member = await people.user('改代码');
      const filed = await t.http.post('/api/employers').set(member.auth).send(filing());
      const res = await t.http.put(`/api/employers/${filed.body.id}`).set(member.auth).send(filing({ uscc }));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('EMPLOYER_DUPLICATE');
      expect(await count(t, 'employers', 'uscc = $1', [uscc])).toBe(1);
    });
  });

  describe('friendly mark and directory', () => {
    it('refuses the mark for an unapproved filing and for an official of another region', async () => {
      const member = await people.user('待审');
      const filed = await t.http.post('/api/employers').set(member.auth).send(filing());
      const pending = await t.http.post(`/api/official/employers/${filed.body.id}/friendly`).set(cityOfficial.auth).send({ friendly: true });
      expect(pending.status).toBe(403);
      expect(pending.body.code).toBe('EMPLOYER_NOT_APPROVED');
      // Approved employers are public, so another region's official learns nothing from a 403.
      const foreign = await t.http.post(`/api/official/employers/${employerId}/friendly`).set(otherOfficial.auth).send({ friendly: true });
      expect(foreign.status).toBe(403);
      expect(await count(t, 'employers', 'friendly')).toBe(0);
    });

    it('grants the mark once and tells the employer once', async () => {
      for (let i = 0; i < 2; i++) {
        const res = await t.http.post(`/api/official/employers/${employerId}/friendly`).set(cityOfficial.auth).send({ friendly: true });
        expect(res.status).toBe(200);
        expect(res.body.friendly).toBe(true);
      }
      expect(await count(t, 'notifications', `recipient_id = $1 AND kind = 'employer_friendly_granted'`, [employerId])).toBe(1);
    });

    it('lists approved employers only, a city covering its districts, friendly first, without contact details', async () => {
      const res = await t.http.get('/api/employers?regionCode=371000');
      expect(res.status).toBe(200);
      expect(res.body.page).toBe(1);
      const ids = res.body.items.map((e: { id: string }) => e.id);
      expect(ids[0]).toBe(employerId);
      expect(res.body.total).toBe(await count(t, 'employers', `status = 'approved' AND region_code LIKE '3710%'`));
      expect(res.body.total).toBeGreaterThanOrEqual(3);
      expect(await count(t, 'employers', `status <> 'approved' AND id = ANY($1)`, [ids])).toBe(0);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('5678');
      expect(text).not.toContain('张经理');
      expect(res.body.items[0]).toEqual({
        id: employerId,
        name: '威海暖阳服饰有限公司',
        kind: 'enterprise',
        kindLabel: '企业',
        regionCode: '371002',
        address: '环翠区文化西路1号',
        location: { lat: 37.51, lng: 122.11 },
        facilities: { motherBabyRoom: true, childcare: false, shuttleBus: true },
        friendly: true,
      });
    });

    it('filters by district, kind, friendly mark and name', async () => {
      const ids = async (query: string) => (await t.http.get(`/api/employers?${query}`)).body.items.map((e: { id: string }) => e.id);
      expect(await ids('regionCode=371082')).toEqual([]);
      expect(await ids('regionCode=371002&friendly=true')).toEqual([employerId]);
      expect(await ids('kind=social_organisation')).not.toContain(employerId);
      expect((await ids('kind=social_organisation')).length).toBe(1);
      expect(await ids(`q=${encodeURIComponent('暖阳')}`)).toContain(employerId);
      // LIKE wildcards typed by a user are plain characters.
      expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([]);
      expect(await ids(`q=${encodeURIComponent('_')}`)).toEqual([]);
      expect((await t.http.get('/api/employers?page=0')).status).toBe(400);
      expect((await t.http.get('/api/employers?friendly=maybe')).status).toBe(400);
    });

    it('shows the public an approved employer without the contact, and its officials with the phone masked', async () => {
      const pub = await t.http.get(`/api/employers/${employerId}`);
      expect(pub.status).toBe(200);
      expect(pub.body).toMatchObject({ status: 'approved', contactName: null, contactPhoneMasked: null, friendly: true });
      const off = await t.http.get(`/api/employers/${employerId}`).set(cityOfficial.auth);
      expect(off.body.contactPhoneMasked).toBe('138****5678');
      expect((await t.http.get('/api/employers/not-a-uuid')).status).toBe(404);
    });

    it('revokes the mark', async () => {
      const res = await t.http.post(`/api/official/employers/${employerId}/friendly`).set(cityOfficial.auth).send({ friendly: false });
      expect(res.body.friendly).toBe(false);
      expect(await count(t, 'notifications', `recipient_id = $1 AND kind = 'employer_friendly_revoked'`, [employerId])).toBe(1);
    });
  });

  describe('details of an approved employer', () => {
    const details = (overrides: Record<string, unknown> = {}) => ({
      contactName: '王主管',
      contactPhone: '13912345678',
      address: '环翠区青岛中路8号',
      location: { lat: 37.5, lng: 122.12 },
      facilities: { motherBabyRoom: true, childcare: true, shuttleBus: false },
      ...overrides,
    });

    it('updates contact, address, location and facilities without a new review', async () => {
      const res = await t.http.put(`/api/employers/${employerId}/details`).set(filer.auth).send(details());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'approved',
        name: '威海暖阳服饰有限公司',
        contactName: '王主管',
        contactPhoneMasked: '139****5678',
        address: '环翠区青岛中路8号',
        location: { lat: 37.5, lng: 122.12 },
        facilities: { motherBabyRoom: true, childcare: true, shuttleBus: false },
      });
      const [row] = await t.dataSource.query(`SELECT contact_phone_cipher, status FROM employers WHERE id = $1`, [employerId]);
      expect(row.status).toBe('approved');
      expect(t.app.get(PiiCrypto).decrypt(row.contact_phone_cipher)).toBe('13912345678');
      const dir = await t.http.get(`/api/employers?regionCode=371002`);
      expect(dir.body.items.map((e: { id: string }) => e.id)).toContain(employerId);
    });

    it('keeps what the official approved: no name, code, kind or region here', async () => {
      const res = await t.http.put(`/api/employers/${employerId}/details`).set(filer.auth).send(details({ name: '改名公司' }));
      expect(res.status).toBe(400);
      expect(res.body.details).toContainEqual({ field: 'name', rule: 'whitelistValidation', message: '不支持该字段' });
    });

    it('refuses a pin outside its region and a landline, changing nothing', async () => {
      for (const [body, code] of [
        [details({ location: { lat: 39.9042, lng: 116.4074 }, contactName: '不该写入' }), 'EMPLOYER_LOCATION_INVALID'],
        [details({ contactPhone: '0631-5212345', contactName: '不该写入' }), 'EMPLOYER_PHONE_INVALID'],
      ] as const) {
        const res = await t.http.put(`/api/employers/${employerId}/details`).set(filer.auth).send(body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe(code);
      }
      const [row] = await t.dataSource.query(`SELECT contact_name FROM employers WHERE id = $1`, [employerId]);
      expect(row.contact_name).toBe('王主管');
    });

    it('is for the members of an approved employer only', async () => {
      const outsider = await t.http.put(`/api/employers/${employerId}/details`).set(cityOfficial.auth).send(details());
      expect([403, 404]).toContain(outsider.status);
      const other = await people.user('另一家备案人');
      const filed = await t.http.post('/api/employers').set(other.auth).send(filing());
      expect(filed.status).toBe(201);
      // Roles are read per request: the filer's token now carries her membership.
      const pending = await t.http.put(`/api/employers/${filed.body.id}/details`).set(other.auth).send(details());
      expect(pending.status).toBe(403);
      expect(pending.body.code).toBe('EMPLOYER_NOT_APPROVED');
      const stranger = await t.http.put(`/api/employers/${filed.body.id}/details`).set(filer.auth).send(details());
      expect(stranger.status).toBe(404);
    });
  });
});
