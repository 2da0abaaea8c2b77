import { makeUscc } from '@mamagang/domain';
import { TransactionRunner } from '../../database/transaction';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { DuplicateUsccError, EmployersRepository, type EmployerFilingValues } from './employers.repository';

const values = (uscc: string, name: string): EmployerFilingValues => ({
  uscc,
  name,
  kind: 'enterprise',
  regionCode: '371002',
  contactName: '张经理',
  contactPhoneCipher: 'v1.test.cipher',
  contactPhoneMasked: '138****5678',
  address: '环翠区文化西路1号',
  lat: 37.51,
  lng: 122.11,
  hasMotherBabyRoom: false,
  hasChildcare: false,
  hasShuttleBus: false,
  isLabourDispatch: false,
});

describe('EmployersRepository', () => {
  let t: TestApp;
  let employers: EmployersRepository;
  let transactions: TransactionRunner;
  let filer: string;
  beforeAll(async () => {
    t = await createTestApp();
    employers = t.app.get(EmployersRepository);
    transactions = t.app.get(TransactionRunner);
    [{ id: filer }] = await t.dataSource.query(`INSERT INTO users (display_name) VALUES ('备案人') RETURNING id`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets exactly one of 20 concurrent inserts of one code commit; the others fail as duplicates and leave nothing', async () => {
    const uscc = makeUscc('91371002MA3C5RACE');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        transactions.run(async (tx) => {
          const employer = await employers.insert({ ...values(uscc, `并发单位${i}`), filedBy: filer }, tx);
          // A second write in the same transaction: it must vanish with a losing insert.
          await tx.query(`INSERT INTO user_roles (user_id, role, employer_id) VALUES ($1, 'employer_member', $2)`, [filer, employer.id]);
          return employer.id;
        }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    expect(lost.every((o) => o.reason instanceof DuplicateUsccError)).toBe(true);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM employers WHERE uscc = $1`, [uscc]);
    expect(n).toBe(1);
    const [{ roles }] = await t.dataSource.query(`SELECT count(*)::int AS roles FROM user_roles WHERE user_id = $1`, [filer]);
    expect(roles).toBe(1);
  });

  it('passes other failures on as they are (here: an unknown region)', async () => {
    await expect(
      transactions.run((tx) => employers.insert({ ...values(makeUscc('91371002MA3C5QTHR'), '无此地区'), regionCode: '999999', filedBy: filer }, tx)),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23503' }) });
  });

  it('refuses a resubmission that takes another filing’s code, and leaves that filing as it was', async () => {
    const a = await transactions.run((tx) => employers.insert({ ...values(makeUscc('91371002MA3C5AAAA'), '甲'), filedBy: filer }, tx));
    const b = await transactions.run((tx) => employers.insert({ ...values(makeUscc('91371002MA3C5BBBB'), '乙'), filedBy: filer }, tx));
    await expect(transactions.run((tx) => employers.resubmit(b.id, values(a.uscc, '乙改'), new Date(), tx))).rejects.toBeInstanceOf(DuplicateUsccError);
    await expect(employers.findById(b.id)).resolves.toMatchObject({ name: '乙', uscc: b.uscc, status: 'pending' });
  });

  it('records a review only once', async () => {
    const e = await transactions.run((tx) => employers.insert({ ...values(makeUscc('91371002MA3C5CCCC'), '丙'), filedBy: filer }, tx));
    const review = { status: 'approved' as const, reason: null, serviceOfficer: '李明', by: filer, at: new Date() };
    const results = await Promise.all([employers.review(e.id, review), employers.review(e.id, { ...review, status: 'rejected', reason: '重复' })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const after = await employers.findById(e.id);
    expect(after?.status).toBe(results[0] ? 'approved' : 'rejected');
  });
});
