/**
 * Name handling for CURP positions 1–4 and 14–16 (docs/domain.md §1, "Name processing"): upper case,
 * accents stripped (Ü→U), Ñ→X, any other non A–Z character → X, leading particles skipped, and the
 * MARIA/JOSE rule for compound given names.
 */

/** Particles skipped at the start of a surname or given name (sanjacob/curp `preposiciones`). */
export const PARTICLES = new Set(['DA', 'DAS', 'DE', 'DEL', 'DER', 'DI', 'DIE', 'DD', 'EL', 'LA', 'LOS', 'LAS', 'LE', 'LES', 'MAC', 'MC', 'VAN', 'VON', 'Y']);

/** First given names skipped when another follows (MARIA LUISA → LUISA, JOSE ANTONIO → ANTONIO). */
export const COMMON_FIRST_NAMES = new Set(['MARIA', 'MA', 'MA.', 'M', 'M.', 'JOSE', 'J', 'J.']);

/** Upper case and accents off, keeping Ñ (it becomes X only when a letter is taken for the key). */
export function normaliseName(value: string): string {
  return value
    .toUpperCase()
    .replace(/Ñ/g, '\u0000')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\u0000/g, 'Ñ')
    .trim()
    .replace(/\s+/g, ' ');
}

export function words(value: string): string[] {
  return normaliseName(value).split(/[\s-]+/).filter(Boolean);
}

function withoutLeadingParticles(parts: string[]): string[] {
  const rest = [...parts];
  while (rest.length > 1 && PARTICLES.has(rest[0]!)) rest.shift();
  return rest;
}

/** The word of a surname that gives its letters: "DE LA CRUZ" → "CRUZ". */
export function keySurname(value: string | null | undefined): string | null {
  if (!value) return null;
  const parts = withoutLeadingParticles(words(value));
  return parts[0] ?? null;
}

/** The given name that gives its letters: "MARIA LUISA" → "LUISA", "MARIA DE LOS ANGELES" → "ANGELES". */
export function keyGivenName(value: string): string | null {
  let parts = words(value);
  if (parts.length > 1 && COMMON_FIRST_NAMES.has(parts[0]!)) parts = parts.slice(1);
  return withoutLeadingParticles(parts)[0] ?? null;
}

/** A key letter: Ñ and anything outside A–Z become X. */
export function keyLetter(char: string | undefined): string {
  if (!char) return 'X';
  return /^[A-Z]$/.test(char) ? char : 'X';
}

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);

export function firstInternalVowel(word: string | null): string {
  if (!word) return 'X';
  for (const char of word.slice(1)) if (VOWELS.has(char)) return char;
  return 'X';
}

/**
 * First consonant after the first letter. Ñ counts as a consonant and yields X. With
 * `chLlAsSingleLetter` (old rule, UNCONFIRMED as of 2026-11-23, off by default) a CH or LL at the
 * start is treated as one letter.
 */
export function firstInternalConsonant(word: string | null, chLlAsSingleLetter = false): string {
  if (!word) return 'X';
  const start = chLlAsSingleLetter && /^(CH|LL)/.test(word) ? 2 : 1;
  for (const char of word.slice(start)) {
    if (!VOWELS.has(char) && /^[A-ZÑ]$/.test(char)) return keyLetter(char);
  }
  return 'X';
}
