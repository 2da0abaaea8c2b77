import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { CommonException } from '../errors/common-errors';

/**
 * Deepest nesting of objects and arrays a request body may have. The product's deepest form
 * (a policy version's rules) nests 4 levels; class-transformer and class-validator walk a body
 * recursively, and a few thousand levels overflow the stack (a 500 before this limit).
 */
export const MAX_JSON_DEPTH = 32;

export const JSON_TOO_DEEP_MESSAGE = '提交的内容层级过深，请检查后重试';
export const FORBIDDEN_CHARACTER_MESSAGE = '提交的内容含有无法保存的字符，请检查后重试';

/** Half of a UTF-16 surrogate pair (a broken emoji) without its other half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const forbidden = (s: string): boolean => s.includes('\u0000') || LONE_SURROGATE.test(s);

/**
 * Whether a string of a parsed body, key or value, holds a character PostgreSQL cannot store:
 * U+0000 in text ("invalid byte sequence for encoding UTF8: 0x00") or a lone surrogate in jsonb
 * ("Unicode low surrogate must follow a high surrogate"), each a 500 before this check. No form of
 * the product has a use for either.
 */
export function containsForbiddenCharacter(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v === 'string') {
      if (forbidden(v)) return true;
    } else if (Array.isArray(v)) {
      pending.push(...v);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v)) {
        if (forbidden(key)) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/**
 * Whether JSON text nests more than `limit` levels, read without parsing (brackets outside
 * strings), so the check itself cannot overflow the stack. Malformed text is left to the parser.
 */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * The API reads JSON bodies only: `application/json` through Fastify's parser (prototype
 * poisoning refused) after the depth check, then refused if a string holds U+0000 or a lone surrogate; any other content type (text/plain,
 * application/x-www-form-urlencoded, ...) is refused with 415 before a guard or handler runs.
 * Call before app.init(), with NestFactory.create's `bodyParser: false`.
 */
export function useJsonBodies(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body);
    if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(new CommonException('VALIDATION_FAILED', JSON_TOO_DEEP_MESSAGE), undefined);
      return;
    }
    parseJson(request, text, (error, parsed) => {
      if (error) done(error, undefined);
      else if (containsForbiddenCharacter(parsed)) done(new CommonException('VALIDATION_FAILED', FORBIDDEN_CHARACTER_MESSAGE), undefined);
      else done(null, parsed);
    });
  });
}
