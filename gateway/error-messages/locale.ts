/**
 * The language of the gateway's error messages: Spanish (es-MX) by default, English when the
 * caller's Accept-Language prefers it (RFC 9110 §12.5.4: q-values, `*`, ranges like `en-US`).
 */
export type Locale = 'es' | 'en';

export const DEFAULT_LOCALE: Locale = 'es';

/** Content-Language of each answer. */
export const CONTENT_LANGUAGE: Record<Locale, string> = { es: 'es-MX', en: 'en' };

/**
 * The supported locale the header ranks highest. A language's weight is that of the ranges naming
 * it (`es`, `es-MX`; the highest if several), else that of `*`; q=0 makes it unacceptable. Ties go
 * to the range listed first. When nothing supported is acceptable the answer is still Spanish.
 */
export function negotiateLocale(header: string | string[] | undefined): Locale {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return DEFAULT_LOCALE;
  const known = negotiated.get(value);
  if (known) return known;
  const locale = negotiate(value);
  // Clients send a handful of distinct headers: remember them, within a bound.
  if (negotiated.size >= 1_000) negotiated.clear();
  negotiated.set(value, locale);
  return locale;
}

const negotiated = new Map<string, Locale>();

function negotiate(value: string): Locale {
  const named = new Map<Locale, { q: number; position: number }>();
  let star: { q: number; position: number } | null = null;
  value.split(',').forEach((part, position) => {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!range || !Number.isFinite(q) || q < 0 || q > 1) return;
    if (range === '*') {
      star = { q, position };
      return;
    }
    const primary = range.split('-')[0];
    if (primary !== 'es' && primary !== 'en') return;
    const seen = named.get(primary);
    if (!seen || q > seen.q) named.set(primary, { q, position: seen?.position ?? position });
  });
  let best: { locale: Locale; q: number; position: number } | null = null;
  for (const locale of [DEFAULT_LOCALE, 'en'] as const) {
    const weight = named.get(locale) ?? star;
    if (!weight || weight.q === 0) continue;
    if (!best || weight.q > best.q || (weight.q === best.q && weight.position < best.position)) best = { locale, ...weight };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
