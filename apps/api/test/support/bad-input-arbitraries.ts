import fc from 'fast-check';

/**
 * fast-check generators of hostile request bodies for the bad-input fuzz
 * (test/bad-input.e2e-spec.ts). A body is generated as the raw text sent on the wire, so it can
 * hold what JSON.stringify of a normal object would not (own `__proto__` keys, 1000 levels).
 *
 * The "shaped" generator follows the DTO's schema in the API's own OpenAPI document: most fields
 * get a plausible value (an enum member, the documented example, a date near today, a real id)
 * and some get a hostile one, so a good share of the samples passes class-validator and reaches
 * the services and the database, where 500s hide.
 */

export interface WireBody {
  /** Sent as is with `content-type: application/json`. */
  readonly text: string;
  /** What kind of sample this is, for the failure report. */
  readonly kind: string;
}

/** The parts of an OpenAPI schema the generator reads. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly format?: string;
  readonly additionalProperties?: boolean | Schema;
}

export interface ShapeContext {
  /** components.schemas of the OpenAPI document. */
  readonly schemas: Readonly<Record<string, Schema>>;
  /** Real ids of the fixtures: fields named `…Id` / `…Ids` pick from them. */
  readonly ids: readonly string[];
  /** Today in China, YYYY-MM-DD. */
  readonly today: string;
}

/** Strings that break naive code: control characters, broken UTF-16, bidi, look-alike numbers and dates. */
export const WEIRD_STRINGS: readonly string[] = [
  '',
  ' ',
  '   ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\udc00\ud800',
  '\u202e反转文字\u202c',
  '\u200f\u05e9\u05dc\u05d5\u05dd',
  'مرحبا',
  '\u200b',
  '\u200d\u200c',
  '\ufeff',
  '\ufffe\uffff',
  '👩‍👧‍👦',
  '🏳️‍🌈👩🏽‍🍼',
  '𠮷野家',
  'e\u0301\u0301\u0301\u0301',
  '\r\n\t\v\f\b',
  '\u001b[31m',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e-400',
  '-0',
  '0x1F',
  '0b101',
  '1_000',
  '9007199254740993',
  '99999999999999999999999999999999999999',
  '12abc',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '0000-00-00',
  '0001-01-01',
  '9999-12-31',
  '275760-09-13',
  '+275760-09-13',
  '2026-11-23T25:61:00Z',
  '2026-11-23T10:00:00+99:00',
  '2026-W48',
  '24:00',
  '23:60',
  '-01:00',
  '9:5',
  '../../etc/passwd',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '%00%ff',
  '${jndi:ldap://x}',
  '{{7*7}}',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

export const WEIRD_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  0.5,
  1.005,
  -1.5,
  1e308,
  -1e308,
  5e-324,
  1e-7,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  123456789012345680000,
];

/** `{"a":{"a":…}}` `depth` levels deep, or arrays when `arrays`. */
export function deepText(depth: number, arrays: boolean): string {
  return arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A value whose JSON text nests `depth` levels (parsed from text, so its own keys are plain). */
export function deepValue(depth: number, arrays: boolean): unknown {
  return JSON.parse(deepText(depth, arrays));
}

/** Objects whose own keys try prototype pollution (JSON.parse keeps `__proto__` as an own key). */
export const PROTO_VALUES: readonly unknown[] = [
  JSON.parse('{"__proto__":{"polluted":true,"isAdmin":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  JSON.parse('{"prototype":{"polluted":true}}'),
  JSON.parse('{"__proto__":null}'),
  JSON.parse('{"toString":"x","valueOf":1,"hasOwnProperty":false}'),
];

const weirdString = fc.constantFrom(...WEIRD_STRINGS);
const weirdNumber = fc.constantFrom(...WEIRD_NUMBERS);
/** Any code point, lone surrogates included. */
const anyUnicode = fc.string({ unit: 'binary', maxLength: 30 });

/** Big but under the body limit: the parser accepts them and the validation must refuse them. */
const oversized = fc.oneof(
  fc.constant('长'.repeat(20_000)),
  fc.constant('x'.repeat(100_000)),
  fc.constant(Array.from({ length: 5_000 }, (_, i) => i)),
  fc.constant(Array.from({ length: 2_000 }, () => 'a')),
  fc.constant(Array.from({ length: 500 }, () => ({ a: 1 }))),
);

/** A value of the wrong kind for whatever the field expects. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: weirdString },
  { weight: 3, arbitrary: weirdNumber },
  { weight: 2, arbitrary: anyUnicode },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], [[]], { '': '' }) },
  { weight: 1, arbitrary: oversized },
  { weight: 1, arbitrary: fc.constantFrom(deepValue(1_000, false), deepValue(1_000, true), deepValue(60, false)) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_VALUES) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Strings a field of this example's format would plausibly hold: around today, not only the example. */
function plausibleString(name: string, schema: Schema, ctx: ShapeContext): fc.Arbitrary<string> {
  const example = typeof schema.example === 'string' ? schema.example : undefined;
  const today = ctx.today;
  if (/Id$/.test(name) || /^id$/.test(name) || schema.format === 'uuid') {
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ctx.ids) }, { weight: 1, arbitrary: fc.uuid() });
  }
  if (example !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(example)) {
    return fc.constantFrom(example, today, addDays(today, 1), addDays(today, 14), addDays(today, -40), addDays(today, 400));
  }
  if (example !== undefined && /^\d{4}-\d{2}$/.test(example)) {
    return fc.constantFrom(example, today.slice(0, 7), '2020-02', '2030-12');
  }
  if (example !== undefined && /^\d{4}-\d{2}-\d{2}T/.test(example)) {
    const day = addDays(today, 7);
    return fc.constantFrom(example, `${day}T19:00:00+08:00`, `${day}T21:00:00+08:00`, `${addDays(today, -1)}T10:00:00+08:00`, new Date().toISOString());
  }
  if (example !== undefined && /^\d{2}:\d{2}$/.test(example)) {
    return fc.constantFrom(example, '09:00', '11:30', '15:00', '00:00', '23:59');
  }
  const max = Math.min(schema.maxLength ?? 40, 40);
  const texts = fc.string({ minLength: schema.minLength ?? 1, maxLength: Math.max(max, schema.minLength ?? 1) });
  return example !== undefined
    ? fc.oneof({ weight: 4, arbitrary: fc.constant(example) }, { weight: 1, arbitrary: texts }, { weight: 1, arbitrary: fc.constantFrom('妈妈岗', '王芳', '说明文字一二三') })
    : fc.oneof(texts, fc.constantFrom('妈妈岗', '王芳', '说明文字一二三', 'other'));
}

function plausibleNumber(schema: Schema): fc.Arbitrary<number> {
  const min = schema.minimum ?? 0;
  const max = schema.maximum ?? (typeof schema.example === 'number' ? Math.max(schema.example * 2, 10) : 100);
  const ints = fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
  return typeof schema.example === 'number' ? fc.oneof(fc.constant(schema.example), ints, fc.double({ min, max, noNaN: true })) : ints;
}

/** Follows `$ref` and single-member `allOf` to the schema itself. */
export function resolveSchema(schema: Schema, ctx: ShapeContext): Schema {
  let s = schema;
  for (let i = 0; i < 10; i += 1) {
    if (s.$ref !== undefined) {
      const name = s.$ref.split('/').pop()!;
      const target = ctx.schemas[name];
      if (target === undefined) throw new Error(`bad-input: schema ${s.$ref} not in the OpenAPI document`);
      s = target;
    } else if (s.allOf !== undefined && s.allOf.length === 1) {
      s = { ...s.allOf[0]!, ...(s.example !== undefined ? { example: s.example } : {}) };
    } else break;
  }
  return s;
}

/** A plausible value of the schema, each field of it hostile now and then. */
function plausible(schema: Schema, ctx: ShapeContext, name: string, depth: number): fc.Arbitrary<unknown> {
  const s = resolveSchema(schema, ctx);
  if (s.enum !== undefined && s.enum.length > 0) return fc.constantFrom(...s.enum);
  if (s.oneOf !== undefined || s.anyOf !== undefined) return fc.oneof(...(s.oneOf ?? s.anyOf ?? []).map((o) => shaped(o, ctx, name, depth + 1)));
  switch (s.type) {
    case 'object': {
      if (s.properties === undefined || depth > 6) return fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 });
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, prop] of Object.entries(s.properties)) model[key] = shaped(prop, ctx, key, depth + 1);
      return fc.record(model, { requiredKeys: [...(s.required ?? [])].filter((k) => k in model) });
    }
    case 'array': {
      const items = s.items ?? {};
      const maxLength = Math.min(s.maxItems ?? 4, 4);
      if (/Ids$/.test(name) && resolveSchema(items, ctx).type === 'string') {
        return fc.array(fc.constantFrom(...ctx.ids), { minLength: 1, maxLength: Math.min(3, maxLength) });
      }
      return fc.array(shaped(items, ctx, name, depth + 1), { maxLength });
    }
    case 'string':
      return plausibleString(name, s, ctx);
    case 'number':
    case 'integer':
      return plausibleNumber(s);
    case 'boolean':
      return fc.boolean();
    default:
      // No type in the document (e.g. survey answers: questionId -> value).
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Mostly plausible, sometimes hostile: what a buggy or malicious client sends for this schema. */
export function shaped(schema: Schema, ctx: ShapeContext, name = '', depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 7, arbitrary: plausible(schema, ctx, name, depth) }, { weight: 1, arbitrary: hostileValue });
}

function toWire(kind: string) {
  return (value: unknown): WireBody => {
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch {
      text = undefined;
    }
    // JSON.stringify(undefined) and friends: an empty body, which the parser must refuse.
    return { text: text ?? '', kind };
  };
}

/** Paths to every value inside `value` (not the root), e.g. ['pay', 'min'] or ['sessions', 0]. */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, v]) => [[...prefix, key], ...pathsOf(v, [...prefix, key])]);
}

const REMOVE = Symbol('remove');

function withChange(base: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement !== REMOVE) parent[last] = replacement;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

/**
 * A valid body with one value changed (hostile, removed, or a plausible one of another field):
 * gets past everything but that value, so each rule and the service behind it see bad input alone.
 */
export function oneChange(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  if (paths.length === 0) return fc.constant(valid);
  return fc
    .tuple(fc.constantFrom(...paths), fc.oneof({ weight: 5, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant<unknown>(REMOVE) }))
    .map(([path, replacement]) => withChange(valid, path, replacement));
}

/**
 * The body generator of a route: `schema` undefined for routes that take no body; `valid` a body
 * the route accepts, for the one-change samples.
 */
export function bodyArbitrary(schema: Schema | undefined, ctx: ShapeContext, valid?: unknown): fc.Arbitrary<WireBody> {
  const generic: fc.WeightedArbitrary<WireBody>[] = [
    { weight: 2, arbitrary: fc.jsonValue().map(toWire('jsonValue')) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withBoxedValues: true }).map(toWire('anything')) },
    { weight: 1, arbitrary: hostileValue.map(toWire('hostile root')) },
    { weight: 1, arbitrary: fc.constantFrom(deepText(1_000, false), deepText(1_000, true), deepText(5_000, false)).map((text) => ({ text, kind: 'deep root' })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '{"a":1,"a":2}',
        '{"\\u0000":"\\u0000"}',
        '"\\ud800"',
        '1e99999',
        '-0',
        '[]',
        'null',
        '{}',
      ).map((text) => ({ text, kind: 'raw text' })),
    },
  ];
  if (schema === undefined) return fc.oneof(...generic);
  const dto = shaped(schema, ctx);
  return fc.oneof(
    { weight: valid === undefined ? 8 : 4, arbitrary: dto.map(toWire('shaped')) },
    ...(valid === undefined ? [] : [{ weight: 8, arbitrary: oneChange(valid).map(toWire('valid, one change')) }]),
    // A plausible body carrying pollution keys next to its real fields.
    {
      weight: 1,
      arbitrary: fc.tuple(plausible(schema, ctx, '', 0), fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([value, key]) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return toWire('shaped')(value);
        const text = JSON.stringify(value).replace(/^\{/, `{"${key}":{"polluted":true,"prototype":{"polluted":true}},`).replace(/,\}$/, '}');
        return { text, kind: `shaped + ${key}` };
      }),
    },
    ...generic,
  );
}
