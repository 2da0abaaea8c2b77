import type { DataSource } from 'typeorm';

/**
 * Checks of the bad-input fuzz: the standard error shape, and a cheap fingerprint of every
 * table to tell that a refused request wrote nothing.
 */

const CJK = /[\u3400-\u9fff]/;
const CODE = /^[A-Z][A-Z0-9_]*$/;

/** Why `body` is not `{ code, message (Chinese), details? }`; undefined when it is. */
export function errorShapeProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'not a JSON object';
  const { code, message, details, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `unexpected keys ${Object.keys(rest).join(', ')}`;
  if (typeof code !== 'string' || !CODE.test(code)) return `code ${JSON.stringify(code)} is not an UPPER_SNAKE string`;
  if (typeof message !== 'string' || !CJK.test(message)) return `message ${JSON.stringify(message)} is not Chinese`;
  if (details !== undefined) {
    if (!Array.isArray(details)) return 'details is not an array';
    for (const d of details as unknown[]) {
      if (d === null || typeof d !== 'object') return 'a detail is not an object';
      const { field, rule, message: m } = d as Record<string, unknown>;
      if (typeof field !== 'string' || typeof rule !== 'string' || typeof m !== 'string') return `detail ${JSON.stringify(d).slice(0, 200)} lacks field/rule/message`;
      if (!CJK.test(m)) return `detail message of ${field} (${rule}) is not Chinese: ${JSON.stringify(m)}`;
    }
  }
  return undefined;
}

/** The public tables, for {@link fingerprint}. */
export async function listTables(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)) as {
    table_name: string;
  }[];
  return rows.map((r) => r.table_name);
}

/**
 * Row count and the newest row version (greatest `xmin`) of each table, in one query: an insert
 * adds a row, a delete removes one, an update writes a new row version with a newer xmin (xids
 * only grow within a test). Cheaper than hashing every row, which matters when the database is
 * a busy shared server.
 */
export async function fingerprint(ds: DataSource, tables: readonly string[]): Promise<Map<string, string>> {
  const sql = tables
    .map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(max(x.xmin::text::bigint), 0)::text AS f FROM "${t}" x`)
    .join(' UNION ALL ');
  const rows = (await ds.query(sql)) as { t: string; f: string }[];
  return new Map(rows.map((r) => [r.t, r.f]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}

/**
 * The next transaction id of the cluster: it moves only when some transaction got an id, which
 * every writing transaction does. Unchanged after a request means nothing was written, without
 * the cost of {@link fingerprint}; changed (a write, a rolled-back one, or another database of
 * the same server) means the fingerprint must tell.
 */
export async function nextXid(ds: DataSource): Promise<string> {
  const [row] = (await ds.query(`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`)) as { x: string }[];
  return row!.x;
}
