// Browser journeys: build the API and the H5 pages, then drive Debian's Chromium through every
// role's journey against the real API on the embedded database (apps/miniapp/e2e).
// Chromium and a Chinese font come from the OS (apt-get install chromium fonts-wqy-microhei):
// without them this step says so loudly and, unless REQUIRE_BROWSER=1 (CI), lets the rest stand.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const message = `Browser journeys NOT run: no Chromium at ${chromium} (apt-get install chromium fonts-wqy-microhei).`;
  if (process.env.REQUIRE_BROWSER === '1') {
    console.error(message);
    process.exit(1);
  }
  console.warn(`\n*** ${message} ***\n`);
  process.exit(0);
}

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
run('pnpm --filter @mamagang/api build');
run('pnpm --filter @mamagang/miniapp build:h5');
run('pnpm --filter @mamagang/miniapp test:e2e');
run('node apps/miniapp/e2e/fairs-sharing.e2e.mjs');
