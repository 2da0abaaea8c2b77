import { TransactionRunner } from '../../database/transaction';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { RegionsRepository } from './regions.repository';

describe('RegionsRepository', () => {
  let t: TestApp;
  let regions: RegionsRepository;
  let transactions: TransactionRunner;
  beforeAll(async () => {
    t = await createTestApp();
    regions = t.app.get(RegionsRepository);
    transactions = t.app.get(TransactionRunner);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds a region by code and the districts of a city', async () => {
    await expect(regions.findByCode('371000')).resolves.toMatchObject({ name: '威海市', level: 'city', parentCode: '370000' });
    const districts = await regions.findChildren('371000');
    expect(districts.map((d) => d.code)).toEqual(['371002', '371003', '371071', '371072', '371073', '371082', '371083']);
    expect(typeof districts[0]?.centerLat).toBe('number');
  });

  it('reads inside a transaction through its handle, and a failed transaction leaves nothing', async () => {
    const failure = new Error('rolled back on purpose');
    await expect(
      transactions.run(async (tx) => {
        await tx.query("INSERT INTO regions (code, name, level, parent_code, center_lat, center_lng) VALUES ('371099', '测试区', 'district', '371000', 37.5, 122.1)");
        await expect(regions.findByCode('371099', tx)).resolves.toMatchObject({ name: '测试区' });
        throw failure;
      }),
    ).rejects.toBe(failure);
    await expect(regions.findByCode('371099')).resolves.toBeNull();
  });
});
