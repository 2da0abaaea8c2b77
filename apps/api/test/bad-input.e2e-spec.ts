import fc from 'fast-check';
import type { Response } from 'supertest';
import { bodyArbitrary, resolveSchema, type Schema, type ShapeContext, type WireBody } from './support/bad-input-arbitraries';
import { changedTables, errorShapeProblem, fingerprint, listTables, nextXid } from './support/bad-input-checks';
import { BODY_ROUTES, chinaToday, mountedRoutes, routeUrl, setUpBadInputFixtures, type BadInputFixtures, type BodyRoute, type Caller } from './support/bad-input-routes';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Bad input, property-based (fast-check): every route that accepts a body gets random JSON,
 * wrong-typed fields on its real DTO shape, oversized strings and arrays, 1000-level nesting,
 * unicode edge cases and prototype-pollution keys, signed in as someone allowed to call it and
 * with real ids in the path. Properties: never a 5xx; a 4xx has the standard error shape; a
 * refused request writes nothing (fingerprint of every table). A sample the API accepts (2xx) is
 * allowed; the no-write check is skipped for it.
 *
 * FUZZ_RUNS (default 12 per route; routes without a body get a third), FUZZ_SEED to replay a run,
 * FUZZ_RANDOM=true for a random seed (the long run: `pnpm fuzz`).
 */

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 12));
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RANDOM === 'true' ? Math.floor(Math.random() * 2 ** 31) : 20_261_123;
const LONG = RUNS > 50;
/** Per route: the long run takes minutes on a loaded machine. */
const ROUTE_TIMEOUT_MS = Math.max(60_000, RUNS * 2_000);

type HttpMethod = 'post' | 'put' | 'patch';

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

describe('bad input (fast-check) on every route that takes a body', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let fixtures: BadInputFixtures;
  let auth: Record<Caller, Record<string, string>>;
  let ctx: ShapeContext;
  let tables: string[];
  const tally: string[] = [];

  beforeAll(async () => {
    console.log(`bad-input fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`);
    t = await createTestApp({ env: { SEED_DEMO: 'true', DEV_LOGIN: 'true' } });
    doc = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
    const set = await setUpBadInputFixtures(t);
    fixtures = set.fixtures;
    auth = set.auth;
    ctx = { schemas: doc.components.schemas, ids: set.ids, today: chinaToday() };
    tables = await listTables(t.dataSource);
  });
  afterAll(async () => {
    if (tally.length > 0) console.log(`bad-input fuzz (FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS}):\n${tally.join('\n')}`);
    await t?.close();
  });

  const send = (route: BodyRoute, text: string | undefined, contentType = 'application/json'): Promise<Response> => {
    const req = t.http[route.method.toLowerCase() as HttpMethod](routeUrl(route, fixtures)).set(auth[route.as]);
    return text === undefined ? req : req.set('content-type', contentType).send(text);
  };

  /** Fails with what went wrong and what was sent (cut short: some bodies are 100 kB). */
  const verdict = (route: BodyRoute, res: Response): string | undefined => {
    const status = res.status;
    if (status >= 500) {
      const code = (res.body as { code?: string } | undefined)?.code;
      if (code !== undefined && route.allowed5xx?.includes(code) && errorShapeProblem(res.body) === undefined) return undefined;
      return `${status} ${JSON.stringify(res.body)}`;
    }
    if (status >= 400) {
      const problem = errorShapeProblem(res.body);
      if (problem !== undefined) return `${status} with a non-standard error body (${problem}): ${JSON.stringify(res.body).slice(0, 300)}`;
    }
    if (({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).isAdmin !== undefined) return 'Object.prototype was polluted';
    return undefined;
  };

  const describeBody = (body: WireBody): string => `${body.kind} (${body.text.length} chars): ${body.text.slice(0, 300)}`;

  it('covers every POST, PUT and PATCH route of the application, with and without a body as declared', () => {
    const actual = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        if (!['post', 'put', 'patch'].includes(method)) continue;
        actual.add(`${method.toUpperCase()} ${path} ${op.requestBody ? 'body' : 'no body'}`);
      }
    }
    const table = new Set(BODY_ROUTES.map((r) => `${r.method} ${r.path} ${r.body ? 'body' : 'no body'}`));
    expect([...actual].filter((r) => !table.has(r))).toEqual([]);
    expect([...table].filter((r) => !actual.has(r))).toEqual([]);
    expect(table.size).toBe(BODY_ROUTES.length);
  });

  it('covers every POST, PUT and PATCH handler Nest has mounted, documented or not', () => {
    const mounted = new Set([...mountedRoutes(t.app)].filter((r) => /^(POST|PUT|PATCH) /.test(r)));
    const table = new Set(BODY_ROUTES.map((r) => `${r.method} ${r.path}`));
    expect([...mounted].filter((r) => !table.has(r))).toEqual([]);
    expect([...table].filter((r) => !mounted.has(r))).toEqual([]);
  });

  it.each(BODY_ROUTES.map((r, i) => [`${r.method} ${r.path}`, r, i] as const))('%s: never 5xx, errors in the standard shape, a refusal writes nothing', async (_, route, index) => {
    const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
    const schema = operation?.requestBody?.content['application/json']?.schema;
    if (schema !== undefined) resolveSchema(schema, ctx); // throws on a dangling $ref
    // The fingerprint of the database as it was after the last sample, and the next xid then.
    let known: { fingerprint: Map<string, string>; xid: string } | undefined;
    const outcomes = new Map<string, number>();
    const numRuns = route.body ? RUNS : Math.max(3, Math.round(RUNS / 3));
    await fc.assert(
      fc.asyncProperty(bodyArbitrary(schema, ctx, route.valid?.(fixtures, ctx.today)), async (body) => {
        known ??= { fingerprint: await fingerprint(t.dataSource, tables), xid: await nextXid(t.dataSource) };
        const res = await send(route, body.text);
        const outcome = res.status < 400 ? String(res.status) : `${res.status} ${(res.body as { code?: string }).code}`;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        const problem = verdict(route, res);
        if (problem !== undefined) throw new Error(`${route.method} ${route.path}: ${problem}\nsent ${describeBody(body)}`);
        const xid = await nextXid(t.dataSource);
        if (xid === known.xid) return;
        const after = await fingerprint(t.dataSource, tables);
        if (res.status >= 400) {
          const changed = changedTables(known.fingerprint, after).filter((table) => !route.refusalWrites?.tables.includes(table));
          if (changed.length > 0) throw new Error(`${route.method} ${route.path}: refused with ${res.status} ${JSON.stringify(res.body).slice(0, 200)} but wrote to ${changed.join(', ')}\nsent ${describeBody(body)}`);
        }
        known = { fingerprint: after, xid: await nextXid(t.dataSource) };
      }),
      { numRuns, seed: SEED + index, endOnFailure: !LONG },
    );
    tally.push(`  ${route.method} ${route.path}: ${[...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([s, n]) => `${s}×${n}`).join(', ')}`);
    // Not vacuous: the bodies got past the guards (nothing but 401/403 would mean a wrong caller).
    if (numRuns >= 5) expect([...outcomes.keys()].some((s) => !s.startsWith('401') && !s.startsWith('403'))).toBe(true);
  }, ROUTE_TIMEOUT_MS);

  // After the fuzz (which may have used up a one-time action: hired, cancelled), so a 409 is fine.
  it.each(BODY_ROUTES.filter((r) => r.valid !== undefined).map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: the base body of the one-change samples passes validation',
    async (_, route) => {
      const res = await send(route, JSON.stringify(route.valid!(fixtures, ctx.today)));
      expect(res.status < 400 ? 'accepted' : `${res.body.code} ${JSON.stringify(res.body.details)}`).not.toMatch(/^VALIDATION_FAILED/);
      expect(res.status).toBeLessThan(500);
    },
  );

  /** The 500s the fuzz found, each fixed in the product; the fixed-seed run may not draw them again. */
  describe('regressions', () => {
    const route = (method: BodyRoute['method'], path: string): BodyRoute => {
      const found = BODY_ROUTES.find((r) => r.method === method && r.path === path);
      if (found === undefined) throw new Error(`no route ${method} ${path} in the table`);
      return found;
    };
    const refusedWithoutWriting = async (r: BodyRoute, text: string, status: number, code: string): Promise<Response> => {
      const before = await fingerprint(t.dataSource, tables);
      const res = await send(r, text);
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(errorShapeProblem(res.body)).toBeUndefined();
      expect(changedTables(before, await fingerprint(t.dataSource, tables))).toEqual([]);
      return res;
    };

    it('5,000 levels of nesting: 400, not a stack overflow in class-transformer', async () => {
      const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
      for (const r of [route('PUT', '/api/employers/{id}'), route('PUT', '/api/mothers/me'), route('POST', '/api/sharing/proposals')]) {
        const res = await refusedWithoutWriting(r, deep, 400, 'VALIDATION_FAILED');
        expect(res.body.message).toBe('提交的内容层级过深，请检查后重试');
      }
      // Inside a real field too, and as arrays.
      await refusedWithoutWriting(route('POST', '/api/rights/cases'), `{"kind":"complaint","category":"other","text":${'['.repeat(40)}${']'.repeat(40)}}`, 400, 'VALIDATION_FAILED');
    });

    it('money in exponent notation (5e-324, 1e-7): 400 VALIDATION_FAILED, not a TypeError in class-validator', async () => {
      const check = route('POST', '/api/employers/{employerId}/claims/check');
      const res = await refusedWithoutWriting(
        check,
        JSON.stringify({ hireId: fixtures.hire, subsidyCode: 'employer_social_insurance_full', socialInsuranceMonths: 12, employerContributionPerMonth: 5e-324 }),
        400,
        'VALIDATION_FAILED',
      );
      expect(res.body.details).toEqual([{ field: 'employerContributionPerMonth', rule: 'isNumber', message: '缴费金额应为数字' }]);
      const posts = route('POST', '/api/employers/{employerId}/posts');
      const post = {
        type: 'production_line',
        title: '缝纫工',
        headcount: 1,
        pay: { basis: 'hourly', min: 1e-7, max: 30 },
        schedule: { flexible: true, windows: [], hoursPerWeek: 20 },
        place: { remote: true, takeHome: false },
        validUntil: chinaToday(),
      };
      const refused = await refusedWithoutWriting(posts, JSON.stringify(post), 400, 'VALIDATION_FAILED');
      expect(refused.body.details).toContainEqual({ field: 'pay.min', rule: 'isNumber', message: '报酬应为最多两位小数的数字' });
    });

    it('NUL in any string (PostgreSQL refuses it in text): 400 VALIDATION_FAILED, not a database error', async () => {
      await refusedWithoutWriting(route('POST', '/api/training/courses/{id}/cancel'), JSON.stringify({ reason: 'a\u0000b' }), 400, 'VALIDATION_FAILED');
      const listing = { side: 'offer', workers: 1, from: '2027-01-10', to: '2027-02-20', skills: ['\u0000'] };
      const res = await refusedWithoutWriting(route('POST', '/api/employers/{employerId}/sharing/listings'), JSON.stringify(listing), 400, 'VALIDATION_FAILED');
      expect(res.body.message).toBe('提交的内容含有无法保存的字符，请检查后重试');
      // In a key too.
      await refusedWithoutWriting(route('POST', '/api/rights/cases'), '{"kind":"complaint","category":"other","text":"x","\\u0000":1}', 400, 'VALIDATION_FAILED');
    });

    it('a station without its location: 400 VALIDATION_FAILED, not a TypeError', async () => {
      const station = route('POST', '/api/official/stations');
      const { location: _, ...withoutLocation } = station.valid!(fixtures, ctx.today);
      const res = await refusedWithoutWriting(station, JSON.stringify(withoutLocation), 400, 'VALIDATION_FAILED');
      expect(res.body.details).toContainEqual(expect.objectContaining({ field: 'location' }));
    });

    it('a claim with a null optional amount: answered as if it were left out, not a 500', async () => {
      const check = route('POST', '/api/employers/{employerId}/claims/check');
      const res = await send(check, JSON.stringify({ hireId: fixtures.hire, subsidyCode: 'employer_social_insurance_full', socialInsuranceMonths: 12, employerContributionPerMonth: null }));
      expect(res.status).toBeLessThan(500);
      expect(res.status === 200 || errorShapeProblem(res.body) === undefined).toBe(true);
    });

    it('an array where an object must be ([[]] as a list item or as the object): 400 VALIDATION_FAILED, not a TypeError in the service', async () => {
      const fairs = route('POST', '/api/fairs');
      const res = await refusedWithoutWriting(fairs, JSON.stringify({ ...fairs.valid!(fixtures, ctx.today), employers: [[]] }), 400, 'VALIDATION_FAILED');
      expect(res.body.details).toContainEqual({ field: 'employers', rule: 'isObject', message: '每一项都应为对象' });
      // A single nested object given as an array: @ValidateNested() walked the array's items.
      const station = route('POST', '/api/official/stations');
      const refused = await refusedWithoutWriting(station, JSON.stringify({ ...station.valid!(fixtures, ctx.today), location: [[]] }), 400, 'VALIDATION_FAILED');
      expect(refused.body.details).toContainEqual({ field: 'location', rule: 'isObject', message: '格式不正确' });
      const mother = route('PUT', '/api/mothers/me');
      await refusedWithoutWriting(mother, JSON.stringify({ ...mother.valid!(fixtures, ctx.today), children: [[{ birthYear: 2024, birthMonth: 5 }]] }), 400, 'VALIDATION_FAILED');
    });

    it('a lone surrogate (half an emoji) in a list stored as jsonb: 400 VALIDATION_FAILED, not a database error', async () => {
      const resume = { experiences: [], skills: [], certificates: ['\udfff'], preferredWork: ' ', selfIntro: '妈妈岗' };
      await refusedWithoutWriting(route('PUT', '/api/resume/me'), JSON.stringify(resume), 400, 'VALIDATION_FAILED');
      await refusedWithoutWriting(route('POST', '/api/rights/cases'), JSON.stringify({ kind: 'complaint', category: 'other', text: '工资\ud83d' }), 400, 'VALIDATION_FAILED');
    });

    it('an ISO week date as an instant (2026-W48): 400 VALIDATION_FAILED, not an Invalid Date in the service', async () => {
      const livestream = route('POST', '/api/posts/{id}/livestreams');
      const res = await refusedWithoutWriting(livestream, JSON.stringify({ ...livestream.valid!(fixtures, ctx.today), endsAt: '2026-W48' }), 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual([{ field: 'endsAt', rule: 'isIso8601', message: '结束时间格式不正确' }]);
    });

    it('a form or text body is refused with 415 even where the route reads no body (it used to run the action)', async () => {
      const withdraw = route('POST', '/api/applications/{id}/withdraw');
      for (const [contentType, text] of [
        ['application/x-www-form-urlencoded', 'reason=x'],
        ['text/plain', 'hello'],
      ] as const) {
        const before = await fingerprint(t.dataSource, tables);
        const res = await send(withdraw, text, contentType);
        expect([res.status, res.body.code]).toEqual([415, 'BAD_REQUEST']);
        expect(errorShapeProblem(res.body)).toBeUndefined();
        expect(changedTables(before, await fingerprint(t.dataSource, tables))).toEqual([]);
      }
    });
  });

  describe('bodies the parser refuses before any route code runs', () => {
    it.each(BODY_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: over the size limit 413, wrong content type 415, malformed JSON 400', async (_, route) => {
      const before = await fingerprint(t.dataSource, tables);
      const limit = t.config.bodyLimit;
      const big = JSON.stringify({ text: 'x'.repeat(limit + 1024) });
      const tooBig = await send(route, big);
      expect(tooBig.status).toBe(413);
      expect(errorShapeProblem(tooBig.body)).toBeUndefined();
      expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');

      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const res = await send(route, contentType === 'text/plain' ? '{"a":1}' : 'a=1', contentType);
        expect([res.status, contentType]).toEqual([415, contentType]);
        expect(errorShapeProblem(res.body)).toBeUndefined();
      }
      for (const text of ['{"a":', '{a:1}', "{'a':1}", '[1,]', '{"a":1}}', '\u0000', 'nul', '{"a":1e99999']) {
        const res = await send(route, text);
        expect([res.status, text]).toEqual([400, text]);
        expect(errorShapeProblem(res.body)).toBeUndefined();
      }
      expect(changedTables(before, await fingerprint(t.dataSource, tables))).toEqual([]);
    });
  });
});
