import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The secrets a development or test process may generate for itself. */
export const GENERATED_SECRETS = ['TOKEN_SECRET', 'ID_ENCRYPTION_KEY', 'ID_HASH_KEY'] as const;
export type GeneratedSecret = (typeof GENERATED_SECRETS)[number];

export const DEV_SECRETS_FILE = 'mamagang-dev-secrets.json';

/**
 * Returns a value for each requested secret, reusing the ones saved in `dataDir` and
 * saving new ones there, so that tokens and encrypted identity numbers stay readable
 * across restarts of a developer's machine. Never used in production.
 */
export function loadOrCreateDevSecrets(
  dataDir: string,
  wanted: readonly GeneratedSecret[],
): { values: Record<GeneratedSecret, string>; created: GeneratedSecret[]; file: string } {
  const file = join(dataDir, DEV_SECRETS_FILE);
  let saved: Partial<Record<GeneratedSecret, string>> = {};
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed === null || typeof parsed !== 'object') throw new Error('not a JSON object');
      saved = parsed as Partial<Record<GeneratedSecret, string>>;
    } catch (error) {
      throw new Error(`${file} is unreadable (${(error as Error).message}); delete it to generate new development secrets`, {
        cause: error,
      });
    }
  }
  const created: GeneratedSecret[] = [];
  const values = { ...saved } as Record<GeneratedSecret, string>;
  for (const name of wanted) {
    if (typeof values[name] === 'string' && values[name].length > 0) continue;
    // Both the token secret and the 32-byte keys accept 64 hex characters.
    values[name] = randomBytes(32).toString('hex');
    created.push(name);
  }
  if (created.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(values, null, 2) + '\n', { mode: 0o600 });
  }
  return { values, created, file };
}
