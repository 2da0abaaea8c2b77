import { performance } from 'node:perf_hooks';
import { CHILDCARE_STAGES, POST_TYPES, POST_TYPE_CODES, type ChildcareStage } from '@mamagang/domain';
import { SqlParams, locatedWhere, nearPostsSql, type SqlFilters } from '../modules/search/search.repository';
import { windowForPage } from '../modules/search/search.ranking';
import type { Sql } from './generate';
import { ms, summarize, table, type Summary } from './stats';

export interface Point {
  lat: number;
  lng: number;
}

export interface Scenario {
  name: string;
  filters: SqlFilters;
}

function stage(code: ChildcareStage): SqlFilters['stage'] {
  return { code, types: POST_TYPE_CODES.filter((t) => POST_TYPES[t].suitedStages.includes(code)) };
}

/**
 * Filters from broad to very selective. Selectivity is measured, not assumed: the share of
 * searchable posts with a place that pass the filters, over the whole province.
 */
export const SCENARIOS: readonly Scenario[] = [
  { name: 'no filter', filters: {} },
  { name: `stage ${CHILDCARE_STAGES.settled_work.label}`, filters: { stage: stage('settled_work') } },
  { name: 'modes any of 宝妈班组, 流动妈妈岗', filters: { modes: ['mom_shift', 'take_home'] } },
  { name: 'type 家政服务', filters: { type: 'domestic_service' } },
  { name: 'type 生产线 + ≥ 35 元/时', filters: { type: 'production_line', minHourly: 35 } },
  { name: '≥ 60 元/时 (pay only)', filters: { minHourly: 60 } },
  { name: 'type 家政服务 + ≥ 50 元/时', filters: { type: 'domestic_service', minHourly: 50 } },
  { name: 'type 乡村公益性岗位', filters: { type: 'public_welfare_rural' } },
  // None exist: the scan stops at SCAN_CAP posts read instead of walking the whole type.
  { name: 'type 家政服务 + 流动妈妈岗 (none)', filters: { type: 'domestic_service', modes: ['take_home'] } },
  { name: 'take-home, any distance', filters: { takeHome: true } },
];

/** Row counts timed: the brief's "nearest 20", and the search windows of page 1 and page 10. */
export const LIMITS = [
  { label: 'nearest 20', limit: 20 },
  { label: 'page 1 window (41)', limit: windowForPage(1) },
  { label: 'page 10 window (221)', limit: windowForPage(10) },
] as const;

export interface ScenarioResult {
  name: string;
  selectivity: number;
  plan: string;
  timings: { label: string; limit: number; summary: Summary }[];
}

export interface BaselineResult {
  name: string;
  haversine: Summary;
  knn: Summary;
  ratio: number;
}

export interface DbTimingResult {
  points: number;
  scenarios: ScenarioResult[];
  baseline: BaselineResult[];
}

/** Points where people live: homes of random generated mothers (deterministic sample). */
export async function samplePoints(sql: Sql, n: number): Promise<Point[]> {
  await sql.query('SELECT setseed(0.77)');
  const rows = await sql.query(`SELECT home_lat, home_lng FROM mothers WHERE home_lat IS NOT NULL ORDER BY random() LIMIT $1`, [n]);
  return rows.rows.map((r) => ({ lat: Number(r.home_lat), lng: Number(r.home_lng) }));
}

async function time(sql: Sql, text: string, values: unknown[]): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const result = await sql.query(text, values);
  return { ms: performance.now() - t0, rows: result.rows.length };
}

/** The index a plan reads, from EXPLAIN's JSON (the first index scan found, depth first). */
export async function indexUsed(sql: Sql, text: string, values: unknown[]): Promise<string> {
  const result = await sql.query(`EXPLAIN (FORMAT JSON) ${text}`, values);
  const raw = result.rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const found: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Index Name'] && node['Relation Name'] === 'posts') found.push(`${node['Node Type']} ${node['Index Name']}`);
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'posts') found.push('Seq Scan posts');
    for (const child of node.Plans ?? []) walk(child);
  };
  if (plan[0]) walk(plan[0].Plan);
  return found.join(', ') || 'none';
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

async function selectivity(sql: Sql, filters: SqlFilters, now: Date): Promise<number> {
  const allParams = new SqlParams();
  const all = await sql.query(`SELECT count(*)::float8 AS n FROM posts WHERE ${locatedWhere({}, now, allParams)}`, allParams.values);
  const hitParams = new SqlParams();
  const hit = await sql.query(`SELECT count(*)::float8 AS n FROM posts WHERE ${locatedWhere(filters, now, hitParams)}`, hitParams.values);
  return Number(hit.rows[0]?.n) / Number(all.rows[0]?.n);
}

/** A naive full scan ordering every matching post by the haversine formula: the baseline. */
function haversineSql(point: Point, filters: SqlFilters, now: Date, limit: number): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const lat = params.add(point.lat);
  const lng = params.add(point.lng);
  const where = locatedWhere(filters, now, params);
  const km = `2 * 6371.0088 * asin(sqrt(power(sin(radians(lat - ${lat}::float8) / 2), 2) + cos(radians(${lat}::float8)) * cos(radians(lat)) * power(sin(radians(lng - ${lng}::float8) / 2), 2)))`;
  return { text: `SELECT id, ${km} AS distance_km FROM posts WHERE ${where} ORDER BY ${km} LIMIT ${params.add(limit)}`, values: params.values };
}

export async function runDbTiming(
  sql: Sql,
  options: { points: number; baselineRuns: number; now: Date; log: (line: string) => void },
): Promise<DbTimingResult> {
  const { now, log } = options;
  const points = await samplePoints(sql, options.points);
  if (points.length < options.points) throw new Error(`only ${points.length} mothers to take points from`);
  log(`  ${points.length} points (homes of random generated mothers); one connection, queries one after another`);
  const scenarios: ScenarioResult[] = [];
  for (const s of SCENARIOS) {
    const share = await selectivity(sql, s.filters, now);
    const probe = nearPostsSql({ ...(points[0] as Point), filters: s.filters, now, limit: windowForPage(1) });
    const plan = await indexUsed(sql, probe.text, probe.values);
    // Warm-up: the first queries read pages from disk into the cache.
    for (const p of points.slice(0, 30)) {
      const q = nearPostsSql({ ...p, filters: s.filters, now, limit: windowForPage(10) });
      await time(sql, q.text, q.values);
    }
    const timings = [];
    for (const { label, limit } of LIMITS) {
      const values: number[] = [];
      for (const p of points) {
        const q = nearPostsSql({ ...p, filters: s.filters, now, limit });
        values.push((await time(sql, q.text, q.values)).ms);
      }
      timings.push({ label, limit, summary: summarize(values) });
    }
    scenarios.push({ name: s.name, selectivity: share, plan, timings });
    log(
      `  ${s.name.padEnd(30)} ${(share * 100).toFixed(2).padStart(6)} %  ` +
        timings.map((t) => `n=${t.limit}: p50 ${ms(t.summary.p50)} p95 ${ms(t.summary.p95)} p99 ${ms(t.summary.p99)}`).join('  ') +
        `  [${plan}]`,
    );
  }

  const baseline: BaselineResult[] = [];
  for (const s of [SCENARIOS[0], SCENARIOS[3]] as Scenario[]) {
    const hav: number[] = [];
    const knn: number[] = [];
    for (const p of points.slice(0, options.baselineRuns)) {
      const h = haversineSql(p, s.filters, now, 20);
      hav.push((await time(sql, h.text, h.values)).ms);
      const k = nearPostsSql({ ...p, filters: s.filters, now, limit: 20 });
      knn.push((await time(sql, k.text, k.values)).ms);
    }
    const hs = summarize(hav);
    const ks = summarize(knn);
    baseline.push({ name: s.name, haversine: hs, knn: ks, ratio: hs.p50 / ks.p50 });
    log(`  baseline ${s.name}: haversine full scan p50 ${ms(hs.p50)} ms vs KNN p50 ${ms(ks.p50)} ms (${(hs.p50 / ks.p50).toFixed(0)}x), ${hav.length} runs`);
  }
  return { points: points.length, scenarios, baseline };
}

export function dbTimingTable(r: DbTimingResult): string {
  return table(
    ['filter', 'share of posts', ...LIMITS.map((l) => `${l.label}: p50 / p95 / p99 ms`), 'plan'],
    r.scenarios.map((s) => [
      s.name,
      `${(s.selectivity * 100).toFixed(2)} %`,
      ...s.timings.map((t) => `${ms(t.summary.p50)} / ${ms(t.summary.p95)} / ${ms(t.summary.p99)}`),
      s.plan,
    ]),
  );
}

export function baselineTable(r: DbTimingResult): string {
  return table(
    ['filter', 'haversine full scan p50 / p95 ms', 'KNN nearest 20 p50 / p95 ms', 'ratio (p50)'],
    r.baseline.map((b) => [b.name, `${ms(b.haversine.p50)} / ${ms(b.haversine.p95)}`, `${ms(b.knn.p50)} / ${ms(b.knn.p95)}`, `${b.ratio.toFixed(0)}x`]),
  );
}
