/**
 * What personal data must never reach logs, spans or metrics (docs/operations.md, "Personal data
 * in telemetry"): CURP, NSS, RFC, names, e-mail, phone, tokens, the free text of a declared purpose
 * and the client's `sub` (an identity provider may use the CURP as `sub`). Audit rows keep all of
 * it on purpose; this module is for the telemetry only.
 *
 * Two layers: values we log ourselves are chosen to be safe (a keyed hash of the client, the
 * purpose's catalogued procedure only, error codes), and a scrubber replaces anything shaped like
 * an identifier, a contact or a token in free text (error messages that echo input, stacks, span
 * attributes). Names cannot be recognised by shape, so the values GraphQL error messages quote
 * (`found "…"`, `got invalid value …`) are cut from errors before they are logged.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { procedureOfPurpose } from '../identity/procedures.ts';

const CURP_LIKE = /[A-Z]{4}\d{6}[A-Z0-9]{6,8}/gi;
const RFC_LIKE = /[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{2,3}/gi;
const EMAIL = /[^\s@"'`<>,;:()[\]{}]+@[^\s@"'`<>,;:()[\]{}]+\.[A-Za-z]{2,}/g;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const JWT_LIKE = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?/g;
/** Seven or more digits, possibly grouped by spaces, dots, hyphens or parentheses: NSS, phones. */
const DIGIT_RUN = /\+?\(?\d(?:[ ().-]{0,2}\d){6,}/g;
/** Dates and instants are kept: they are what makes a log line useful, and no one's identifier. */
const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** Every pattern above needs a digit, an '@', a JWT header or the word Bearer: most log strings have none. */
const MAY_HOLD_PERSONAL_DATA = /[\d@]|eyJ|bearer/i;

/** Replaces identifiers, contacts and tokens found in `text` by a marker naming their kind. */
export function scrubText(text: string): string {
  if (!MAY_HOLD_PERSONAL_DATA.test(text)) return text;
  return text
    .replace(BEARER, 'Bearer [redacted]')
    .replace(JWT_LIKE, '[token]')
    .replace(EMAIL, '[email]')
    .replace(CURP_LIKE, '[curp]')
    .replace(RFC_LIKE, '[rfc]')
    .replace(DIGIT_RUN, (run) => (ISO_DATE_OR_TIME.test(run.trim()) ? run : '[number]'));
}

/**
 * graphql-js and our scalars quote the input they reject ("Expected value of type \"Curp\",
 * found \"GOMA…\"", "Variable \"$i\" got invalid value { givenNames: \"…\" }", "… found 'X'").
 * The client sees those messages; logs get them without the quoted values.
 */
const QUOTED_INPUT: ReadonlyArray<[RegExp, string]> = [
  // The value may itself hold ';' and quotes: everything after it on the line goes.
  [/(got invalid value\s+).*$/gim, '$1[value]'],
  [/(\bfound\s+)(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s;,.]+)/gi, '$1[value]'],
  [/(\bgot\s+)(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/gi, '$1[value]'],
  [/(\bvalue\s+)"(?:[^"\\]|\\.)*"/gi, '$1[value]'],
];

/** `scrubText` plus the input values quoted in error messages. */
export function scrubErrorText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of QUOTED_INPUT) out = out.replace(pattern, replacement);
  return scrubText(out);
}

/** Fields whose values we produce ourselves and know to be safe (ids, hashes, enumerations). */
const SAFE_KEYS = new Set(['requestId', 'traceId', 'spanId', 'client', 'service', 'component', 'subgraph', 'level', 'time', 'pid', 'hostname', 'kind', 'status', 'durationMs', 'errorCodes', 'url']);

/** Deep copy of a log object with every string scrubbed (Errors are left to `safeErrorSerializer`). */
export function scrubLogObject<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (value === null || typeof value !== 'object' || value instanceof Error || depth > 6) return value;
  if (Array.isArray(value)) return value.map((item) => scrubLogObject(item, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SAFE_KEYS.has(key) && typeof item !== 'object' ? item : scrubLogObject(item, depth + 1);
  }
  return out as T;
}

/** Properties of an error worth logging; everything else (a driver's bound parameters, a row's `detail`, GraphQL extensions) is dropped. */
const ERROR_FIELDS = ['code', 'severity', 'routine', 'constraint_name', 'table_name', 'column_name', 'query', 'reason'] as const;

interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  cause?: SerializedError;
  [field: string]: unknown;
}

/**
 * pino's `err` serializer, safe for personal data: type, scrubbed message and stack, and a few
 * diagnostic fields. postgres.js errors carry the statement's bound values (`parameters`, `args`,
 * enumerable when the pool counts its statements, as the tests' pools do) and PostgreSQL's
 * `detail` ("Key (curp)=(…) already exists"): neither is kept.
 */
export function safeErrorSerializer(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? scrubErrorText(error) : error;
  const out: SerializedError = { type: error.name || error.constructor.name, message: scrubErrorText(error.message) };
  if (error.stack) out.stack = scrubErrorText(error.stack);
  for (const field of ERROR_FIELDS) {
    const value: unknown = Reflect.get(error, field);
    if (typeof value === 'string' || typeof value === 'number') out[field] = typeof value === 'string' ? scrubErrorText(value) : value;
  }
  const code = (Reflect.get(error, 'extensions') as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') out.code = code;
  if (error.cause instanceof Error && depth < 3) out.cause = safeErrorSerializer(error.cause, depth + 1) as SerializedError;
  return out;
}

/** Header and field paths pino removes outright (tokens, the purpose's free text). */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-imss-identity"]',
  'req.headers["x-access-purpose"]',
  'headers.authorization',
  'headers["x-imss-identity"]',
  'headers["x-access-purpose"]',
  'token',
  '*.token',
  'authorization',
  'purpose',
  '*.purpose',
];

let hashKey: Buffer | null = null;
/** Pseudonyms of recent clients: one HMAC per client, not per request. Bounded; cleared when full. */
const pseudonyms = new Map<string, string>();

/**
 * A stable pseudonym for a client (the rate-limit key `sub:…` or `ip:…`): HMAC-SHA-256 under the
 * per-deployment `LOG_HASH_SALT`, truncated to 16 hex characters. The same client gets the same
 * value in every replica of a deployment, so support can follow one caller's requests, and no one
 * without the salt can test a guessed CURP against it. Without the variable a random per-process
 * salt is used (values then differ between processes and restarts).
 */
export function pseudonym(value: string, env: NodeJS.ProcessEnv = process.env): string {
  const known = pseudonyms.get(value);
  if (known) return known;
  hashKey ??= env.LOG_HASH_SALT ? Buffer.from(env.LOG_HASH_SALT, 'utf8') : randomBytes(32);
  const hashed = createHmac('sha256', hashKey).update(value).digest('hex').slice(0, 16);
  if (pseudonyms.size >= 10_000) pseudonyms.clear();
  pseudonyms.set(value, hashed);
  return hashed;
}

/**
 * What of a declared purpose may be logged: its procedure when catalogued, `UNCATALOGUED`
 * otherwise (the text before ':' is free too), null without a purpose. Never the free text.
 */
export function purposeProcedure(purpose: string | null | undefined): string | null {
  if (!purpose) return null;
  return procedureOfPurpose(purpose) ?? 'UNCATALOGUED';
}
