import type { LogLevel } from '../../config';

/**
 * Personal data never goes to the logs: the paths below are replaced wherever pino
 * meets them, at the top of a log object or up to three levels down (pino's wildcards
 * match exactly one level each).
 */
const SENSITIVE_KEYS = ['phone', 'idNumber', 'password', 'token', 'accessToken', 'refreshToken'];

export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
];

/** Options of Fastify's pino logger: JSON lines on stdout. */
export function loggerOptions(level: LogLevel): { level: LogLevel; redact: { paths: string[]; censor: string } } {
  return { level, redact: { paths: [...REDACT_PATHS], censor: '[REDACTED]' } };
}
