import { HealthException } from './health.errors';
import type { HealthRepository } from './health.repository';
import { HealthService } from './health.service';

function serviceWith(ping: () => Promise<void>): HealthService {
  return new HealthService({ ping } as HealthRepository);
}

describe('HealthService', () => {
  it('reports ok when the database answers', async () => {
    await expect(serviceWith(async () => undefined).check()).resolves.toEqual({ status: 'ok', database: 'ok' });
  });

  it('reports DATABASE_UNAVAILABLE (503) when the database fails, keeping the cause for the log', async () => {
    const cause = new Error('connect ECONNREFUSED');
    const error: unknown = await serviceWith(() => Promise.reject(cause)).check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HealthException);
    expect((error as HealthException).code).toBe('DATABASE_UNAVAILABLE');
    expect((error as HealthException).getStatus()).toBe(503);
    expect((error as HealthException).cause).toBe(cause);
  });
});
