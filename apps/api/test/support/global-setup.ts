import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../../src/database/data-source';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { TEMPLATE_ENV, testDbKind } from './test-database';

const TEMPLATE_PREFIX = 'mmg-pglite-template-';

/**
 * Once per `jest` run, on PGlite: initdb and every migration into one template, saved as
 * a tarball that each test database starts from. Jest starts its workers after this, so
 * they inherit the variable naming the file.
 */
export default async function globalSetup(): Promise<void> {
  if (testDbKind() !== 'pglite') return;
  removeAbandonedTemplates();
  const embedded = await startEmbeddedPostgres({ maxConnections: 1 });
  try {
    const dataSource = createDataSource({ url: embedded.url, poolSize: 1 });
    await dataSource.initialize(); // runs the migrations
    await dataSource.destroy();
    const dump = await embedded.db.dumpDataDir('none');
    const file = join(tmpdir(), `${TEMPLATE_PREFIX}${process.pid}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env[TEMPLATE_ENV] = file;
  } finally {
    await embedded.stop();
  }
}

/** An interrupted run (Ctrl-C) skips the teardown; its 40 MB template would stay forever. */
function removeAbandonedTemplates(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(TEMPLATE_PREFIX)) continue;
    const pid = Number(name.slice(TEMPLATE_PREFIX.length, -'.tar'.length));
    if (!isAlive(pid)) rmSync(join(tmpdir(), name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
