import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../../src/config/repo-root';

/**
 * Where a fault spec leaves its figures (requests, 503s, slowest answer, recovery times):
 * artifacts/faults/<name>.json at the repository root (ignored by git). `pnpm faults` prints
 * them; docs/BENCHMARKS.md ("Faults") quotes a run.
 */
export function writeFaultResult(name: string, result: Record<string, unknown>): void {
  const dir = join(findRepoRoot(), 'artifacts', 'faults');
  mkdirSync(dir, { recursive: true });
  const text = `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`;
  writeFileSync(join(dir, `${name}.json`), text);
  // The long run (`pnpm faults`) shows its figures; CI's short run keeps quiet.
  if (Number(process.env.FAULT_SCALE ?? 1) > 1) process.stdout.write(`\n[faults] ${name}: ${text}`);
}
