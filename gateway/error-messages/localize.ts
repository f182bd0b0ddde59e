/**
 * Errors for people: the gateway answers every error in the caller's language (es-MX unless
 * Accept-Language prefers English), chosen by its stable `extensions.code` from the catalogue,
 * with the values of the original message (read back with the English template) and of the
 * error's extensions. Codes not in the catalogue keep their message; the code never changes.
 * Each issue in `extensions.issues` is translated by its own code.
 */
import type { GraphQLFormattedError } from 'graphql';
import { CATALOGUE, FRAMES, PHRASES } from './catalogue/index.ts';
import type { CatalogueEntry, MessageVariant } from './catalogue/types.ts';
import type { Locale } from './locale.ts';
import { matchTemplate, renderTemplate, type Parameters } from './template.ts';

const CATCH_ALL = '{detail}';
const MAX_FRAME_DEPTH = 3;

interface Issue {
  code: string;
  message: string;
  [key: string]: unknown;
}

function isIssue(value: unknown): value is Issue {
  return typeof value === 'object' && value !== null && typeof (value as Issue).code === 'string' && typeof (value as Issue).message === 'string';
}

function variantsOf(entry: CatalogueEntry): readonly MessageVariant[] {
  return Array.isArray(entry) ? entry : [entry as MessageVariant];
}

/** `text` (a message for `code`) in `locale`, or null when neither the code nor its framing is known. */
export function translateMessage(code: string, text: string, params: Parameters, locale: Locale): string | null {
  const entry = CATALOGUE[code];
  if (!entry) return null;
  const variants = variantsOf(entry);
  return translateText(variants, text, params, locale, 0) ?? fallback(variants, text, params, locale);
}

function translateText(variants: readonly MessageVariant[], text: string, params: Parameters, locale: Locale, depth: number): string | null {
  // ruleViolation: the messages of several issues joined, each translated by its own code.
  const issues = Array.isArray(params.issues) ? params.issues.filter(isIssue) : [];
  if (issues.length > 1 && text === issues.map((i) => i.message).join('; ')) {
    const parts = issues.map((issue) => translateMessage(issue.code, issue.message, { ...params, ...issue, issues: undefined }, locale) ?? issue.message);
    return (locale === 'es' ? parts.map(stripPeriod) : parts).join('; ');
  }
  // Frames first: a variant's last parameter would otherwise swallow a frame's tail.
  if (depth < MAX_FRAME_DEPTH) {
    for (const frame of FRAMES) {
      const values = matchTemplate(frame.en, text);
      if (!values?.inner) continue;
      const inner = translateText(variants, values.inner, params, locale, depth + 1);
      if (inner !== null) return renderTemplate(frame[locale], { ...localizedValues(values, params, locale), inner: locale === 'es' ? stripPeriod(inner) : inner });
    }
  }
  for (const variant of variants) {
    const template = variant.match ?? variant.en;
    if (template === CATCH_ALL) continue;
    const values = matchTemplate(template, text);
    if (values) {
      const rendered = renderTemplate(variant[locale], { ...params, ...localizedValues(values, params, locale), detail: text });
      if (rendered !== null) return rendered;
    }
  }
  const catchAll = variants.find((v) => (v.match ?? v.en) === CATCH_ALL);
  return catchAll ? renderTemplate(catchAll[locale], { ...params, detail: text }) : null;
}

/** A Spanish sentence inside a frame loses its final period ("… (zona GENERAL, al …)"). */
function stripPeriod(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

/**
 * Values read out of an English message, for a message in `locale`: known English phrases in
 * Spanish, and `{nested}` — a message of its own, e.g. why a fingerprint record was refused —
 * translated by the code in the error's `reason`.
 */
function localizedValues(values: Record<string, string>, params: Parameters, locale: Locale): Record<string, string> {
  if (locale === 'en') return values;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) out[name] = PHRASES[value] ?? value;
  if (values.nested !== undefined && typeof params.reason === 'string') {
    out.nested = translateMessage(params.reason, values.nested, params, locale) ?? values.nested;
  }
  return out;
}

/** The message no longer reads as catalogued (changed at its source): the first variant the extensions can fill. */
function fallback(variants: readonly MessageVariant[], text: string, params: Parameters, locale: Locale): string | null {
  if (locale === 'en') return null;
  const forReason = variants.filter((v) => v.reason !== undefined && v.reason === params.reason);
  for (const variant of [...forReason, ...variants]) {
    const rendered = renderTemplate(variant.es, { ...params, detail: text });
    if (rendered !== null) return rendered;
  }
  return null;
}

/** A formatted GraphQL error in `locale`: message and issue messages translated, everything else kept. */
export function localizeError(error: GraphQLFormattedError, locale: Locale): GraphQLFormattedError {
  const extensions = error.extensions ?? {};
  const code = extensions.code;
  if (typeof code !== 'string') return error;
  const message = translateMessage(code, error.message, extensions, locale) ?? error.message;
  if (!Array.isArray(extensions.issues)) return message === error.message ? error : { ...error, message };
  const issues = extensions.issues.map((issue) =>
    isIssue(issue) ? { ...issue, message: translateMessage(issue.code, issue.message, { ...issue }, locale) ?? issue.message } : issue,
  );
  return { ...error, message, extensions: { ...extensions, issues } };
}
