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

/**
 * Where a mother searches from is where she lives or where her child goes to school: the
 * location is used for the request and never written down. Routes whose query string is a
 * location lose the whole query string in the logs; on any other route, parameters that look
 * like coordinates are masked.
 */
const LOCATION_QUERY_ROUTES: readonly string[] = ['/api/posts/search'];
const LOCATION_PARAMS = /^(lat|lng|lon|latitude|longitude)$/i;

export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const path = url.slice(0, q);
  if (LOCATION_QUERY_ROUTES.includes(path.replace(/\/+$/, ''))) return `${path}?[REDACTED]`;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const name = decodeURIComponentSafe(pair.split('=')[0] ?? '');
      return LOCATION_PARAMS.test(name) ? `${pair.split('=')[0]}=[REDACTED]` : pair;
    });
  return `${path}?${params.join('&')}`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/**
 * Fastify's own request serializer, with the URL passed through loggableUrl. A `req` field that
 * is not a request (a plain object logged by hand) passes unchanged; redaction still applies.
 */
function serializeRequest(req: LoggedRequest): Record<string, unknown> {
  if (typeof req?.url !== 'string') return req as unknown as Record<string, unknown>;
  return { method: req.method, url: loggableUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

/** Options of Fastify's pino logger: JSON lines on stdout. */
export function loggerOptions(level: LogLevel): {
  level: LogLevel;
  redact: { paths: string[]; censor: string };
  serializers: { req: (req: LoggedRequest) => Record<string, unknown> };
} {
  return { level, redact: { paths: [...REDACT_PATHS], censor: '[REDACTED]' }, serializers: { req: serializeRequest } };
}
