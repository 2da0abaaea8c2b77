import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The monorepo root (the folder holding pnpm-workspace.yaml), so that the default data
 * folder is the same whether the API starts from the root, from apps/api or from dist.
 * Falls back to the working directory when the API runs outside the monorepo.
 */
export function findRepoRoot(): string {
  // __dirname exists in the compiled CommonJS build but not when Jest runs the sources as ESM.
  const starts = typeof __dirname === 'string' ? [__dirname, process.cwd()] : [process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return process.cwd();
}
