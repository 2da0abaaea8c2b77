import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import type { WeeklyWindow } from '@mamagang/domain';
import { readOnReplica } from '../../database/read-replica';
import type { Tx } from '../../database/transaction';
import { AppConfig } from '../../config';

/**
 * Candidate posts for search, read with plain SQL. Nothing else of this feature touches the
 * database: the service scores, sorts and pages what these queries return.
 *
 * Why a candidate window rather than SQL paging: the ranking (domain scoreMatch, schedule fit
 * against her windows, at most three posts of one employer per page) is not expressible in SQL
 * with an index, so the database does what an index does fast — the N nearest posts that pass
 * the filters SQL can check — and the service ranks those N (N grows with the page, see
 * SearchService). The price: a post outside the N nearest matching posts is not ranked, however
 * well it would score; its distance score would mostly bury it anyway (MATCH_WEIGHTS.distance).
 *
 * The query is a pure KNN scan: `ORDER BY ll_to_earth(lat, lng) <-> ll_to_earth($1, $2) LIMIT n`
 * on the posts table itself, with the point as bind parameters (through a join or a CTE
 * PostgreSQL cannot use the index for the ordering and sorts the whole table); the employer is
 * joined outside, on the n rows. The radius is applied by the service to the rows returned, not
 * in SQL, on purpose:
 * - a distance filter does not stop a KNN scan: with fewer than n matches inside the radius the
 *   scan would read the whole index before giving up;
 * - an `earth_box @>` index condition would stop it, but the cube extension estimates every box
 *   at 0.1 % of the table, so with one more filter the planner expects fewer than n rows and
 *   switches to a bitmap scan of the box plus a sort: 400+ ms for a 10 km box downtown
 *   (measured at 1M posts, docs/BENCHMARKS.md), against a few ms for the KNN scan.
 * Filters the indexes hold (type, hourly_max, remote/take-home) narrow the scan itself; the ones
 * only the table row holds (stage, modes) are checked on each post read, with the scan capped at
 * SCAN_CAP posts, so no combination of filters can make a search read the whole index.
 *
 * A post is searchable when its status is 'open' or 'filled' (full posts are listed below the
 * open ones): the predicate of the partial indexes (migration 1795462000000-search-indexes),
 * repeated verbatim so that the planner can prove it.
 */

/** A post that is listed in search: the predicate of the search indexes, verbatim. */
export const SEARCHABLE = `status IN ('open', 'filled')`;

/** Filters the database checks; the rest (schedule fit) is the service's. */
export interface SqlFilters {
  type?: string;
  /** A stage: posts tagged with it, or untagged posts of a type suiting it (`types`). */
  stage?: { code: string; types: readonly string[] };
  /** Yuan per hour: hourly_max ≥ this. */
  minHourly?: number;
  /** Any of these modes; a take_home post also counts for take_home. */
  modes?: readonly string[];
  remote?: boolean;
  takeHome?: boolean;
  /** Only posts that are remote or take-home (the "no distance limit" kinds). */
  anywhereKinds?: boolean;
}

export interface NearQuery {
  lat: number;
  lng: number;
  filters: SqlFilters;
  now: Date;
  limit: number;
}

export interface UnlocatedQuery {
  filters: SqlFilters;
  /**
   * Take-home work with no place is fetched and returned somewhere in its region: when the
   * searcher's region is known (a mother), only such posts of regions matching this LIKE
   * pattern (her city); remote posts come from anywhere.
   */
  takeHomeRegionLike?: string;
  now: Date;
  limit: number;
}

export interface SqlText {
  text: string;
  values: unknown[];
}

/** The columns search needs, from `posts p` and the employer `e`. */
const CANDIDATE_COLUMNS = `
  p.id, p.employer_id, e.name AS employer_name, e.friendly AS employer_friendly, p.type, p.stage, p.title,
  p.headcount, p.filled_count, p.status, p.pay_basis, p.pay_min, p.pay_max, p.hourly_min, p.hourly_max,
  p.flexible_hours, p.windows, p.hours_per_week, p.modes, p.remote, p.take_home, p.lat, p.lng,
  p.insurance, p.contract_form, p.has_mother_baby_room, p.has_shuttle_bus, p.child_may_come, p.created_at`;

/** Posts columns of the inner (index) query: everything the outer select reads. */
const POST_COLUMNS = `
  id, employer_id, type, stage, title, headcount, filled_count, status, pay_basis, pay_min, pay_max, hourly_min,
  hourly_max, flexible_hours, windows, hours_per_week, modes, remote, take_home, lat, lng, insurance, contract_form,
  has_mother_baby_room, has_shuttle_bus, child_may_come, created_at`;

/** Bind parameters of a query being built: `add` returns the placeholder of a value. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Filters the indexes answer: the post's type and pay are columns of the multicolumn GiST
 * indexes, and remote/take-home select the partial index of those posts. They narrow the scan
 * itself, so they go in the scan's WHERE however selective they are.
 */
function indexClauses(f: SqlFilters, params: SqlParams): string[] {
  const where: string[] = [];
  if (f.type !== undefined) where.push(`type = ${params.add(f.type)}`);
  if (f.minHourly !== undefined) where.push(`hourly_max >= ${params.add(f.minHourly)}::numeric`);
  if (f.remote === true) where.push('remote');
  if (f.takeHome === true) where.push('take_home');
  if (f.anywhereKinds === true) where.push('(remote OR take_home)');
  return where;
}

/** Filters only the table row can answer (stage, modes): checked on each post the scan reads. */
function rowClauses(f: SqlFilters, params: SqlParams): string[] {
  const where: string[] = [];
  if (f.stage !== undefined) {
    where.push(`(stage = ${params.add(f.stage.code)} OR (stage IS NULL AND type = ANY(${params.add(f.stage.types)}::text[])))`);
  }
  if (f.modes !== undefined && f.modes.length > 0) {
    const modes = params.add(f.modes);
    where.push(f.modes.includes('take_home') ? `(modes && ${modes}::text[] OR take_home)` : `modes && ${modes}::text[]`);
  }
  return where;
}

/**
 * The conditions every located candidate meets: searchable, still valid, passing the filters.
 * Shared with the benchmark (selectivity counts, naive baseline).
 */
export function locatedWhere(filters: SqlFilters, now: Date, params: SqlParams): string {
  return [SEARCHABLE, 'lat IS NOT NULL', `valid_until > ${params.add(now)}`, ...indexClauses(filters, params), ...rowClauses(filters, params)].join(' AND ');
}

/**
 * Posts a search reads at most, nearest first, to find its `limit` matches when filters only the
 * table row can check (stage, modes) are given. A KNN scan stops when it has found `limit` rows;
 * with a filter that matches almost nothing nearby it would otherwise read on through the whole
 * index (a type with no take-home posts: 100,000 rows, seconds). Capped, such a search reads at
 * most SCAN_CAP posts (a few ms) and may return fewer matches than exist farther away: only when
 * those filters pass under limit / SCAN_CAP (1-2 %) of the nearest posts.
 */
export const SCAN_CAP = 3000;

/**
 * The nearest searchable posts with a place, nearest first, anywhere (the caller applies its
 * radius). Parameters $1, $2 are the point; every filter is a bind parameter too.
 */
export function nearPostsSql(q: NearQuery): SqlText {
  const params = new SqlParams();
  const lat = params.add(q.lat);
  const lng = params.add(q.lng);
  const point = `ll_to_earth(${lat}::float8, ${lng}::float8)`;
  const scanWhere = [SEARCHABLE, 'lat IS NOT NULL', `valid_until > ${params.add(q.now)}`, ...indexClauses(q.filters, params)].join(' AND ');
  const rowWhere = rowClauses(q.filters, params);
  const knn = (limit: string, extra = '') =>
    `SELECT ${POST_COLUMNS}${extra}, earth_distance(${point}, ll_to_earth(lat, lng)) / 1000 AS distance_km
       FROM posts
      WHERE ${scanWhere}
      ORDER BY ll_to_earth(lat, lng) <-> ${point}
      LIMIT ${limit}`;
  // With row filters: the capped scan feeds a filter and a second limit. The executor pulls rows
  // through them one at a time, so the scan stops at `limit` matches or at SCAN_CAP rows read.
  const nearest =
    rowWhere.length === 0
      ? knn(params.add(q.limit))
      : `SELECT * FROM (${knn(params.add(SCAN_CAP), `, (${rowWhere.join(' AND ')}) AS passes`)}) scanned
          WHERE passes
          LIMIT ${params.add(q.limit)}`;
  const text = `
    SELECT ${CANDIDATE_COLUMNS}, p.distance_km
      FROM (${nearest}) p
      -- One primary-key lookup per row; OFFSET 0 keeps the planner from turning it back into a
      -- join that hashes every employer for 41 posts.
      CROSS JOIN LATERAL (SELECT name, friendly FROM employers WHERE employers.id = p.employer_id OFFSET 0) e
     ORDER BY p.distance_km, p.id`;
  return { text, values: params.values };
}

/** Searchable remote or take-home posts with no place at all, newest first. */
export function unlocatedPostsSql(q: UnlocatedQuery): SqlText {
  const params = new SqlParams();
  const filters = { ...q.filters, anywhereKinds: true };
  const where = [SEARCHABLE, 'lat IS NULL', `valid_until > ${params.add(q.now)}`, ...indexClauses(filters, params), ...rowClauses(filters, params)];
  if (q.takeHomeRegionLike !== undefined) where.push(`(remote OR region_code LIKE ${params.add(q.takeHomeRegionLike)})`);
  const limit = params.add(q.limit);
  const text = `
    SELECT ${CANDIDATE_COLUMNS}, NULL::float8 AS distance_km
      FROM (SELECT ${POST_COLUMNS}
              FROM posts
             WHERE ${where.join('\n               AND ')}
             ORDER BY created_at DESC, id
             LIMIT ${limit}) p
      -- One primary-key lookup per row; OFFSET 0 keeps the planner from turning it back into a
      -- join that hashes every employer for 41 posts.
      CROSS JOIN LATERAL (SELECT name, friendly FROM employers WHERE employers.id = p.employer_id OFFSET 0) e
     ORDER BY p.created_at DESC, p.id`;
  return { text, values: params.values };
}

/** One candidate as the service sees it: numbers parsed, windows as stored. */
export interface PostCandidate {
  id: string;
  employerId: string;
  employerName: string;
  employerFriendly: boolean;
  type: string;
  stage: string | null;
  title: string;
  headcount: number;
  filledCount: number;
  status: 'open' | 'filled';
  payBasis: string;
  payMin: number;
  payMax: number;
  /** Null for pay with no hourly equivalent (her own start-up, own_income). */
  hourlyMin: number | null;
  hourlyMax: number | null;
  flexibleHours: boolean;
  windows: WeeklyWindow[];
  hoursPerWeek: number;
  modes: string[];
  remote: boolean;
  takeHome: boolean;
  lat: number | null;
  lng: number | null;
  insurance: string;
  contractForm: string;
  hasMotherBabyRoom: boolean;
  hasShuttleBus: boolean;
  childMayCome: boolean;
  createdAt: Date;
  /** Null for a post without a place. */
  distanceKm: number | null;
}

type Row = Record<string, unknown>;

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

/** pg returns numeric as text and text[] as arrays; jsonb arrives parsed. */
export function toCandidate(r: Row): PostCandidate {
  return {
    id: r.id as string,
    employerId: r.employer_id as string,
    employerName: r.employer_name as string,
    employerFriendly: r.employer_friendly === true,
    type: r.type as string,
    stage: (r.stage as string | null) ?? null,
    title: r.title as string,
    headcount: num(r.headcount),
    filledCount: num(r.filled_count),
    status: r.status as 'open' | 'filled',
    payBasis: r.pay_basis as string,
    payMin: num(r.pay_min),
    payMax: num(r.pay_max),
    hourlyMin: r.hourly_min === null ? null : num(r.hourly_min),
    hourlyMax: r.hourly_max === null ? null : num(r.hourly_max),
    flexibleHours: r.flexible_hours === true,
    windows: Array.isArray(r.windows) ? (r.windows as WeeklyWindow[]) : [],
    hoursPerWeek: num(r.hours_per_week),
    modes: (r.modes as string[] | null) ?? [],
    remote: r.remote === true,
    takeHome: r.take_home === true,
    lat: r.lat === null ? null : num(r.lat),
    lng: r.lng === null ? null : num(r.lng),
    insurance: r.insurance as string,
    contractForm: r.contract_form as string,
    hasMotherBabyRoom: r.has_mother_baby_room === true,
    hasShuttleBus: r.has_shuttle_bus === true,
    childMayCome: r.child_may_come === true,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at as string),
    distanceKm: r.distance_km === null || r.distance_km === undefined ? null : num(r.distance_km),
  };
}

/**
 * Search and recommendations read a replica when there is one (DATABASE_REPLICA_URLS): they are
 * most of the read load, and a post that shows up a moment late harms no one. The searcher's own
 * profile is read from the primary (MothersRepository), so a search right after she saved it
 * uses the new one.
 */
@Injectable()
export class SearchRepository {
  /** Set once known: the pg pool that search reads with prepared statements, or null (see `read`). */
  private pool: Pool | null | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async findNear(q: NearQuery, tx?: Tx): Promise<PostCandidate[]> {
    const { text, values } = nearPostsSql(q);
    return (await this.read(text, values, tx)).map(toCandidate);
  }

  async findUnlocated(q: UnlocatedQuery, tx?: Tx): Promise<PostCandidate[]> {
    const { text, values } = unlocatedPostsSql(q);
    return (await this.read(text, values, tx)).map(toCandidate);
  }

  /**
   * Search is the busiest read: on a PostgreSQL server with no replicas it goes straight to the
   * driver's pool as a named prepared statement (one per filter combination), so the server
   * parses each query shape once per connection instead of on every search, and the request
   * skips TypeORM's query runner. (PostgreSQL still plans each execution: for a KNN scan around
   * a given point its custom plan costs less than a generic one; docs/BENCHMARKS.md.) Not on the embedded
   * database, where every connection shares one session and named statements would collide
   * (nor on any server where they do collide: see the catch below); not with replicas
   * (readOnReplica picks the server) nor in a transaction.
   */
  private async read(text: string, values: unknown[], tx?: Tx): Promise<Row[]> {
    const pool = tx === undefined ? this.preparedPool() : null;
    if (pool) {
      try {
        return (await pool.query<Row>({ name: statementName(text), text, values })).rows;
      } catch (error) {
        // 42P05, "prepared statement already exists": another connection of the same session
        // prepared it, so this server shares one session between connections (PGlite behind its
        // socket server, as in the tests). Plain queries from now on.
        if ((error as { code?: unknown }).code !== '42P05') throw error;
        this.pool = null;
      }
    }
    return readOnReplica(this.dataSource, (m) => m.query(text, values), tx);
  }

  private preparedPool(): Pool | null {
    if (this.pool === undefined) {
      const driver = this.dataSource.driver as unknown as { master?: Pool; slaves?: readonly unknown[] };
      const usable = !this.config.usesEmbeddedDatabase && this.config.databaseReplicaUrls.length === 0 && (driver.slaves?.length ?? 0) === 0;
      if (!usable) this.pool = null;
      else if (driver.master) this.pool = driver.master;
      else return null;
    }
    return this.pool;
  }
}

const statementNames = new Map<string, string>();

/** A stable name per query text: pg prepares it once per connection and reuses it after. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `search_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}
