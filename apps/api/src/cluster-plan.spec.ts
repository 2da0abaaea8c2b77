import { MAX_WORKERS, workerCount } from './cluster-plan';

describe('workerCount', () => {
  const pg = { DATABASE_URL: 'postgres://db/mamagang' };

  it.each([
    [{ ...pg }, 2, 2],
    [{ ...pg }, 1, 1],
    [{ ...pg }, 32, MAX_WORKERS],
    [{ ...pg, WEB_CONCURRENCY: '3' }, 2, 3],
    [{ ...pg, WEB_CONCURRENCY: ' 1 ' }, 8, 1],
  ])('%j on %i cores starts %i workers', (env, cores, expected) => {
    expect(workerCount(env, cores)).toEqual({ count: expected });
  });

  it('starts one worker on the embedded database, whatever is asked', () => {
    expect(workerCount({ WEB_CONCURRENCY: '4' }, 4)).toEqual({ count: 1, note: expect.stringContaining('embedded') });
    expect(workerCount({}, 4).count).toBe(1);
  });

  it.each(['0', '-1', '2.5', 'two', '65'])('refuses WEB_CONCURRENCY=%s', (value) => {
    expect(() => workerCount({ ...pg, WEB_CONCURRENCY: value }, 2)).toThrow(/WEB_CONCURRENCY/);
  });
});
