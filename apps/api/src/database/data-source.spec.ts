import { buildDataSourceOptions } from './data-source';

describe('buildDataSourceOptions', () => {
  const primary = 'postgres://app@primary.example/mamagang';

  it('connects to DATABASE_URL alone when there are no replicas', () => {
    const options = buildDataSourceOptions({ url: primary, poolSize: 7 });
    expect(options).toMatchObject({ type: 'postgres', url: primary, poolSize: 7, migrationsRun: true });
    expect(options).not.toHaveProperty('replication');
    expect(buildDataSourceOptions({ url: primary, replicaUrls: [], poolSize: 7 })).not.toHaveProperty('replication');
  });

  it('with replicas, keeps the primary as master and reads it by default: replicas serve only the reads sent there', () => {
    const replicas = ['postgres://app@replica-1.example/mamagang', 'postgres://app@replica-2.example/mamagang'];
    const options = buildDataSourceOptions({ url: primary, replicaUrls: replicas, poolSize: 7 });
    expect(options).toMatchObject({
      type: 'postgres',
      poolSize: 7,
      migrationsRun: true,
      replication: { master: { url: primary }, slaves: [{ url: replicas[0] }, { url: replicas[1] }], defaultMode: 'master' },
    });
    expect(options).not.toHaveProperty('url');
  });
});
