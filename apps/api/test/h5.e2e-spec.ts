import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from './support/test-app';

describe('H5_DIR', () => {
  let h5Dir: string;
  let t: TestApp;
  beforeAll(async () => {
    h5Dir = mkdtempSync(join(tmpdir(), 'mmg-h5-'));
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>妈妈岗</title>');
    writeFileSync(join(h5Dir, 'app.js'), 'console.log(1)');
    t = await createTestApp({ env: { H5_DIR: h5Dir } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  it('serves the built pages at / next to the API', async () => {
    const page = await t.http.get('/').expect(200);
    expect(page.text).toContain('妈妈岗');
    await t.http.get('/app.js').expect(200);
    await t.http.get('/health').expect(200, { status: 'ok', database: 'ok' });
    await t.http.get('/docs-json').expect(200);
  });

  it('still answers a missing path with the standard 404', async () => {
    const res = await t.http.get('/missing.js').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: '请求的内容不存在' });
  });
});
