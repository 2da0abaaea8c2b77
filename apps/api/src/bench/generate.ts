import { EMPLOYER_KIND_CODES, type EmployerKind, makeUscc } from '@mamagang/domain';
import { MOTHER_WINDOW_PATTERNS, SCHEDULE_PATTERNS, SHANDONG_CITIES, SPREAD, UNLOCATED_REMOTE_SHARE, benchTypes, cumulative } from './province';

/** What the generator needs of a connection: `pg.Client` and `pg.Pool` both fit. */
export interface Sql {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface ProvinceSize {
  posts: number;
  employers: number;
  mothers: number;
  /** Mothers with an account (for the signed-in HTTP run), the first ones generated. */
  motherAccounts: number;
}

export const FULL_PROVINCE: ProvinceSize = { posts: 1_000_000, employers: 1_000, mothers: 200_000, motherAccounts: 2_000 };

/** Written after a complete generation; a run without it regenerates. */
export interface BenchMeta extends ProvinceSize {
  generatedAt: string;
  seconds: number;
}

const EMPLOYER_KIND_WEIGHTS: Readonly<Record<EmployerKind, number>> = {
  enterprise: 45,
  individual_business: 20,
  social_organisation: 10,
  community: 12,
  platform: 6,
  government: 7,
};

/** A small deterministic PRNG (mulberry32): the same province every time. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T extends { lo: number; hi: number }>(rows: readonly T[], r: number): T {
  return rows.find((x) => r >= x.lo && r < x.hi) ?? (rows[rows.length - 1] as T);
}

function gaussianOffset(random: () => number, sigmaKm: number, atLat: number): { dLat: number; dLng: number } {
  const km = sigmaKm * Math.sqrt(-2 * Math.log(1 - random()));
  const angle = 2 * Math.PI * random();
  return { dLat: (km * Math.cos(angle)) / 111.2, dLng: (km * Math.sin(angle)) / (111.2 * Math.cos((atLat * Math.PI) / 180)) };
}

export async function readMeta(sql: Sql): Promise<BenchMeta | null> {
  const exists = await sql.query(`SELECT to_regclass('public.bench_meta') IS NOT NULL AS ok`);
  if (exists.rows[0]?.ok !== true) return null;
  const rows = await sql.query(`SELECT value FROM bench_meta WHERE key = 'province'`);
  return (rows.rows[0]?.value as BenchMeta | undefined) ?? null;
}

/**
 * Fills a migrated database with a synthetic province, set-based: employers from one unnest()
 * insert, posts and mothers from generate_series() with random() in SQL, so a million posts take
 * about a minute on PostgreSQL instead of an hour of row-by-row inserts. Secondary indexes of
 * posts are dropped for the load and rebuilt after (one sorted build beats a million GiST inserts).
 * Everything of a previous run is deleted first. `log` reports progress.
 */
export async function generateProvince(sql: Sql, size: ProvinceSize, log: (line: string) => void): Promise<BenchMeta> {
  const started = Date.now();
  const step = async (label: string, work: () => Promise<unknown>) => {
    const t0 = Date.now();
    await work();
    log(`  ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };

  await sql.query(`CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
  // One transaction: an interrupted run leaves the previous province (or nothing) and, above
  // all, never a posts table whose indexes were dropped for the load and not rebuilt.
  await sql.query('BEGIN');
  try {
    await fill(sql, size, step);
    await sql.query('COMMIT');
  } catch (error) {
    await sql.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await step('analyze', () => sql.query(`ANALYZE`));
  const meta: BenchMeta = { ...size, generatedAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000) };
  await sql.query(`INSERT INTO bench_meta (key, value) VALUES ('province', $1::jsonb)`, [JSON.stringify(meta)]);
  return meta;
}

async function fill(sql: Sql, size: ProvinceSize, step: (label: string, work: () => Promise<unknown>) => Promise<void>): Promise<void> {
  await sql.query(`DELETE FROM bench_meta`);
  await step('clear previous data', () =>
    sql.query(`TRUNCATE hires, applications, notifications, children, mothers, posts, phone_codes, user_roles, employers, stations, users CASCADE`),
  );
  // Deterministic random() for the whole session: the same province on every machine.
  await sql.query(`SELECT setseed(0.4242)`);

  await step('regions (16 cities)', () =>
    sql.query(
      `INSERT INTO regions (code, name, level, parent_code, center_lat, center_lng)
       SELECT code, name, 'city', '370000', lat, lng FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[]) AS c(code, name, lat, lng)
       ON CONFLICT (code) DO NOTHING`,
      [SHANDONG_CITIES.map((c) => c.code), SHANDONG_CITIES.map((c) => c.name), SHANDONG_CITIES.map((c) => c.lat), SHANDONG_CITIES.map((c) => c.lng)],
    ),
  );

  const cities = cumulative(SHANDONG_CITIES);
  const types = cumulative(benchTypes());
  const schedules = cumulative(SCHEDULE_PATTERNS.map((p, idx) => ({ ...p, idx })));

  await step(`employers (${size.employers})`, async () => {
    const random = prng(7);
    const kinds = cumulative(EMPLOYER_KIND_CODES.map((kind) => ({ kind, weight: EMPLOYER_KIND_WEIGHTS[kind] })));
    const rows: { uscc: string; name: string; kind: EmployerKind; region: string; lat: number; lng: number; friendly: boolean; room: boolean; shuttle: boolean }[] = [];
    for (let i = 0; i < size.employers; i++) {
      // The first employers cover every (city, kind) pair, so every post type finds an employer in every city.
      const cover = i < SHANDONG_CITIES.length * EMPLOYER_KIND_CODES.length;
      const city = cover ? (SHANDONG_CITIES[i % SHANDONG_CITIES.length] as (typeof SHANDONG_CITIES)[number]) : pick(cities, random());
      const kind = cover ? (EMPLOYER_KIND_CODES[Math.floor(i / SHANDONG_CITIES.length)] as EmployerKind) : pick(kinds, random()).kind;
      const off = gaussianOffset(random, SPREAD.coreSigmaKm, city.lat);
      const serial = String(i).padStart(6, '0');
      rows.push({
        uscc: makeUscc(`91${city.code}MA${String(i).padStart(7, '0')}`),
        name: `${city.name}妈妈岗测试单位${serial}`,
        kind,
        region: city.code,
        lat: city.lat + off.dLat,
        lng: city.lng + off.dLng,
        friendly: random() < 0.1,
        room: random() < 0.3,
        shuttle: random() < 0.15,
      });
    }
    await sql.query(
      `INSERT INTO employers (uscc, name, kind, region_code, contact_name, contact_phone_cipher, contact_phone_masked, address, lat, lng,
                              has_mother_baby_room, has_shuttle_bus, status, reviewed_at, friendly)
       SELECT uscc, name, kind, region, '测试联系人', 'bench-not-a-cipher', '138****0000', name || '地址', lat, lng, room, shuttle, 'approved', now(), friendly
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::bool[], $8::bool[], $9::bool[])
              AS e(uscc, name, kind, region, lat, lng, friendly, room, shuttle)`,
      [
        rows.map((r) => r.uscc),
        rows.map((r) => r.name),
        rows.map((r) => r.kind),
        rows.map((r) => r.region),
        rows.map((r) => r.lat),
        rows.map((r) => r.lng),
        rows.map((r) => r.friendly),
        rows.map((r) => r.room),
        rows.map((r) => r.shuttle),
      ],
    );
  });

  // Lookup tables for the set-based insert: one random number picks a row by its [lo, hi).
  await sql.query(`DROP TABLE IF EXISTS bench_city, bench_type, bench_schedule, bench_pick`);
  await sql.query(
    `CREATE TEMP TABLE bench_city AS
     SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[]) AS c(code, name, lat, lng, lo, hi)`,
    [cities.map((c) => c.code), cities.map((c) => c.name), cities.map((c) => c.lat), cities.map((c) => c.lng), cities.map((c) => c.lo), cities.map((c) => c.hi)],
  );
  await sql.query(
    `CREATE TEMP TABLE bench_type AS
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[], $9::float8[], $10::float8[])
              AS t(code, label, stage, pay_basis, insurance, contract_form, remote_share, take_home_share, lo, hi)`,
    [
      types.map((t) => t.code),
      types.map((t) => t.label),
      types.map((t) => t.stage),
      types.map((t) => t.payBasis),
      types.map((t) => t.insurance),
      types.map((t) => t.contractForm),
      types.map((t) => t.remoteShare),
      types.map((t) => t.takeHomeShare),
      types.map((t) => t.lo),
      types.map((t) => t.hi),
    ],
  );
  await sql.query(
    `CREATE TEMP TABLE bench_schedule AS
     SELECT idx, flexible, windows::jsonb AS windows, hpw, lo, hi
       FROM unnest($1::int[], $2::bool[], $3::text[], $4::float8[], $5::float8[], $6::float8[]) AS s(idx, flexible, windows, hpw, lo, hi)`,
    [
      schedules.map((s) => s.idx),
      schedules.map((s) => s.flexible),
      schedules.map((s) => JSON.stringify(s.windows)),
      schedules.map((s) => s.hoursPerWeek),
      schedules.map((s) => s.lo),
      schedules.map((s) => s.hi),
    ],
  );
  // Employers of each city allowed to offer each type (domain canEmployerOffer, by kind).
  await sql.query(
    `CREATE TEMP TABLE bench_pick AS
     SELECT c.code AS city, t.code AS type, array_agg(e.id ORDER BY e.id) AS ids, count(*)::int AS n
       FROM bench_city c
       CROSS JOIN unnest($1::text[], $2::text[]) AS t(code, kinds)
       JOIN employers e ON e.region_code = c.code AND e.kind = ANY(string_to_array(t.kinds, ','))
      GROUP BY c.code, t.code`,
    [types.map((t) => t.code), types.map((t) => t.employerKinds.join(','))],
  );

  const postIndexes = await sql.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'posts' AND indexname <> 'posts_pkey'`,
  );
  await step(`drop ${postIndexes.rows.length} secondary indexes of posts for the load`, async () => {
    for (const r of postIndexes.rows) await sql.query(`DROP INDEX ${String(r.indexname)}`);
  });

  await step(`posts (${size.posts})`, () =>
    sql.query(
      `WITH r AS MATERIALIZED (
         SELECT g, random() AS r_city, random() AS r_type, random() AS r_emp, random() AS u1, random() AS u2, random() AS r_core,
                random() AS r_pay1, random() AS r_pay2, random() AS r_sched, random() AS r_m1, random() AS r_m2, random() AS r_m3,
                random() AS r_remote, random() AS r_unloc, random() AS r_th, random() AS r_status, random() AS r_head, random() AS r_fill,
                random() AS r_f1, random() AS r_f2, random() AS r_f3, random() AS r_valid, random() AS r_created
           FROM generate_series(1, $1::int) AS g
       ), x AS (
         SELECT r.*, c.code AS city, c.name AS city_name, c.lat AS clat, c.lng AS clng,
                t.code AS type, t.label, t.stage, t.pay_basis, t.insurance, t.contract_form,
                s.flexible, s.windows, s.hpw,
                r.r_remote < t.remote_share AS is_remote,
                r.r_th < t.take_home_share AS is_take_home,
                (CASE WHEN r.r_core < $2::float8 THEN $3::float8 ELSE $4::float8 END) * sqrt(-2 * ln(1 - r.u1)) AS dkm,
                2 * pi() * r.u2 AS angle,
                least(150, round((18 + 9 * -ln(1 - r.r_pay1))::numeric, 2)) AS hmin,
                CASE WHEN r.r_status < 0.94 THEN 'open' WHEN r.r_status < 0.98 THEN 'filled' WHEN r.r_status < 0.99 THEN 'expired' ELSE 'taken_down' END AS status,
                1 + floor(r.r_head * 8)::int AS headcount
           FROM r
           JOIN bench_city c ON r.r_city >= c.lo AND r.r_city < c.hi
           JOIN bench_type t ON r.r_type >= t.lo AND r.r_type < t.hi
           JOIN bench_schedule s ON r.r_sched >= s.lo AND r.r_sched < s.hi
       ), y AS (
         SELECT x.*, x.hmin + round((x.r_pay2 * 10)::numeric, 2) AS hmax,
                (x.is_remote AND x.r_unloc < $5::float8) AS unlocated,
                CASE x.pay_basis
                  WHEN 'hourly' THEN 1::numeric
                  WHEN 'daily' THEN (x.hpw / 5)::numeric
                  WHEN 'monthly' THEN (x.hpw * 52 / 12)::numeric
                  WHEN 'per_piece' THEN 1 / 12::numeric
                  WHEN 'per_task' THEN 2::numeric
                  ELSE (x.hpw * 52 / 12)::numeric
                END AS factor
           FROM x
       )
       INSERT INTO posts (employer_id, region_code, type, stage, title, description, headcount, filled_count, pay_basis, pay_min, pay_max,
                          units_per_hour, hours_per_task, hourly_min, hourly_max, flexible_hours, windows, hours_per_week, modes, remote, take_home,
                          lat, lng, address, insurance, contract_form, has_mother_baby_room, has_shuttle_bus, child_may_come,
                          valid_until, status, closed_at, created_at)
       SELECT k.ids[1 + floor(y.r_emp * k.n)::int], y.city, y.type, y.stage, y.label || '岗位' || y.g, '', y.headcount,
              CASE WHEN y.status = 'filled' THEN y.headcount ELSE floor(y.r_fill * y.headcount)::int END,
              y.pay_basis, round(y.hmin * y.factor, 2), round(y.hmax * y.factor, 2),
              CASE WHEN y.pay_basis = 'per_piece' THEN 12 END, CASE WHEN y.pay_basis = 'per_task' THEN 2 END,
              CASE WHEN y.pay_basis = 'own_income' THEN NULL ELSE y.hmin END, CASE WHEN y.pay_basis = 'own_income' THEN NULL ELSE y.hmax END,
              y.flexible, y.windows, y.hpw,
              array_remove(ARRAY[
                CASE WHEN y.r_m1 < 0.4 THEN 'flexible_leave' END,
                CASE WHEN y.r_m2 < 0.25 THEN 'mom_shift' END,
                CASE WHEN y.is_take_home THEN 'take_home' END,
                CASE WHEN y.r_m3 < (CASE WHEN y.is_remote THEN 0.7 ELSE 0.1 END) THEN 'new_economy' END], NULL),
              y.is_remote, y.is_take_home,
              CASE WHEN y.unlocated THEN NULL ELSE round((y.clat + y.dkm * cos(y.angle) / 111.2)::numeric, 6)::float8 END,
              CASE WHEN y.unlocated THEN NULL ELSE round((y.clng + y.dkm * sin(y.angle) / (111.2 * cos(radians(y.clat))))::numeric, 6)::float8 END,
              CASE WHEN y.unlocated THEN NULL ELSE y.city_name || '测试路' || y.g || '号' END,
              y.insurance, y.contract_form, y.r_f1 < 0.3, y.r_f2 < 0.15, y.r_f3 < 0.1,
              CASE WHEN y.status IN ('open', 'filled') THEN now() + (10 + y.r_valid * 80) * interval '1 day' ELSE now() - interval '1 day' END,
              y.status, CASE WHEN y.status <> 'open' THEN now() END,
              now() - y.r_created * interval '60 days'
         FROM y JOIN bench_pick k ON k.city = y.city AND k.type = y.type`,
      [size.posts, SPREAD.coreShare, SPREAD.coreSigmaKm, SPREAD.wideSigmaKm, UNLOCATED_REMOTE_SHARE],
    ),
  );

  await step(`rebuild ${postIndexes.rows.length} indexes of posts`, async () => {
    for (const r of postIndexes.rows) await sql.query(String(r.indexdef));
  });

  await step(`mothers (${size.mothers}, ${size.motherAccounts} with an account) and children`, async () => {
    await sql.query(
      `INSERT INTO users (display_name, demo_key) SELECT '测试妈妈' || g, 'bench-mother-' || g FROM generate_series(1, $1::int) AS g`,
      [size.motherAccounts],
    );
    await sql.query(`INSERT INTO user_roles (user_id, role) SELECT id, 'mother' FROM users WHERE demo_key LIKE 'bench-mother-%'`);
    await sql.query(
      `WITH r AS MATERIALIZED (
         SELECT g, random() AS r_city, random() AS u1, random() AS u2, random() AS r_core, random() AS s1, random() AS s2,
                random() AS r_win, random() AS r_pay, random() AS r_m1, random() AS r_m2, random() AS r_m3
           FROM generate_series(1, $1::int) AS g
       ), x AS (
         SELECT r.*, c.code AS city, c.lat AS clat, c.lng AS clng,
                (CASE WHEN r.r_core < $3::float8 THEN $4::float8 ELSE $5::float8 END) * sqrt(-2 * ln(1 - r.u1)) AS dkm, 2 * pi() * r.u2 AS angle
           FROM r JOIN bench_city c ON r.r_city >= c.lo AND r.r_city < c.hi
       ), y AS (
         SELECT x.*, x.clat + x.dkm * cos(x.angle) / 111.2 AS hlat, x.clng + x.dkm * sin(x.angle) / (111.2 * cos(radians(x.clat))) AS hlng FROM x
       )
       INSERT INTO mothers (user_id, name, region_code, home_lat, home_lng, school_lat, school_lng, available_windows, desired_hourly, wanted_modes)
       SELECT CASE WHEN y.g <= $2::int THEN (SELECT u.id FROM users u WHERE u.demo_key = 'bench-mother-' || y.g) END,
              '测试妈妈' || y.g, y.city,
              round(y.hlat::numeric, 3)::float8, round(y.hlng::numeric, 3)::float8,
              round((y.hlat + (y.s1 - 0.5) * 0.03)::numeric, 3)::float8, round((y.hlng + (y.s2 - 0.5) * 0.03)::numeric, 3)::float8,
              ($6::text[])[1 + floor(y.r_win * $7::int)::int]::jsonb,
              round((18 + y.r_pay * 17)::numeric, 0),
              array_remove(ARRAY[CASE WHEN y.r_m1 < 0.5 THEN 'flexible_leave' END, CASE WHEN y.r_m2 < 0.3 THEN 'mom_shift' END,
                                 CASE WHEN y.r_m3 < 0.2 THEN 'take_home' END], NULL)
         FROM y`,
      [
        size.mothers,
        size.motherAccounts,
        SPREAD.coreShare,
        SPREAD.coreSigmaKm,
        SPREAD.wideSigmaKm,
        MOTHER_WINDOW_PATTERNS.map((w) => JSON.stringify(w)),
        MOTHER_WINDOW_PATTERNS.length,
      ],
    );
    // One to three children; the first is under 12 (under 140 months), the others older.
    await sql.query(
      `INSERT INTO children (mother_id, birth_year, birth_month)
       SELECT m.id, extract(year FROM d)::int, extract(month FROM d)::int
         FROM mothers m
        CROSS JOIN LATERAL generate_series(1, 1 + abs(hashtext(m.id::text)) % 3) AS k
        CROSS JOIN LATERAL (SELECT current_date - ((abs(hashtext(m.id::text || k)) % 140) + (k - 1) * 30) * interval '1 month' AS d) AS b`,
    );
  });
}
