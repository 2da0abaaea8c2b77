import { createTestApp, type TestApp } from './support/test-app';

describe('GET /health without a database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 503 DATABASE_UNAVAILABLE once the database is gone', async () => {
    await t.http.get('/health').expect(200);
    await t.db.makeUnavailable();
    const res = await t.http.get('/health').expect(503);
    expect(res.body).toEqual({ code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后再试' });
  });
});
