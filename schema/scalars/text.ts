/**
 * Text about people as the system accepts it (docs/security.md, "Input hygiene"): names, address
 * lines and short free text are Unicode-normalised (NFC), bounded, and free of control characters,
 * invisible characters (format characters such as bidi overrides and zero-width spaces, and every
 * other default-ignorable one) and unpaired surrogates. Names and address lines also keep to the
 * letters and punctuation real ones use (docs/domain.md §1, "Name processing": Latin letters with
 * accents, diaeresis and Ñ, plus apostrophe, hyphen, period and space).
 *
 * These are the rules of the PersonName, AddressLine and FreeText scalars (scalars.ts): every
 * subgraph receives such text already checked, in one form. Pure: no GraphQL here.
 */

export type TextKind = 'PersonName' | 'AddressLine' | 'FreeText';

/** The `extensions.code` of a refused value, one per kind; `extensions.reason` says why. */
export const TEXT_CODES = { PersonName: 'PERSON_NAME_INVALID', AddressLine: 'ADDRESS_LINE_INVALID', FreeText: 'FREE_TEXT_INVALID' } as const;

/** Why a value was refused (`extensions.reason`). */
export type TextRefusal =
  | 'NOT_A_STRING'
  | 'EMPTY'
  | 'TOO_LONG'
  | 'CONTROL_CHARACTER'
  | 'INVISIBLE_CHARACTER'
  | 'UNPAIRED_SURROGATE'
  | 'CHARACTER_NOT_ALLOWED'
  | 'MUST_START_WITH_LETTER'
  | 'REPEATED_PUNCTUATION'
  | 'TOO_MANY_COMBINING_MARKS';

export interface TextIssue {
  reason: TextRefusal;
  message: string;
  /** 1-based, in characters (code points) of the text as normalised. */
  position?: number;
  /** The character found, as U+XXXX. */
  char?: string;
  length?: number;
  max?: number;
}

export type TextCheck = { ok: true; value: string } | { ok: false; issue: TextIssue };

interface TextRule {
  /** In characters (code points), after normalisation. */
  maxLength: number;
  /** Whether one character (code point, after NFC) may appear; control and invisible ones never reach this. */
  allows(char: string): boolean;
  /** What `allows` admits, in the refusal's message. */
  allowed: string;
  /** Names: a letter first, no two punctuation marks side by side ("--", ".'"). */
  nameShape: boolean;
  /** Consecutive combining marks on one character (after NFC, precomposed letters have none). */
  maxCombiningMarks: number;
}

const LATIN_LETTER = /^(?=\p{L})\p{Script=Latin}$/u;
const UNPRINTABLE = /[\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;
const NAME_PUNCTUATION = new Set(["'", '-', '.', ' ']);
const ADDRESS_PUNCTUATION = new Set(["'", '-', '.', ' ', ',', '#', '/', '(', ')', '°', 'º', 'ª', '&']);

export const TEXT_RULES: Readonly<Record<TextKind, TextRule>> = {
  // RENAPO's name fields are far shorter; 80 leaves room for long compound names with particles.
  PersonName: {
    maxLength: 80,
    allows: (c) => LATIN_LETTER.test(c) || NAME_PUNCTUATION.has(c),
    allowed: 'letters, spaces, apostrophes, hyphens and periods only',
    nameShape: true,
    maxCombiningMarks: 0,
  },
  // Street, numbers ("S/N", "Mz 3 Lt 12", "Km 12.5"), neighbourhood, municipality.
  AddressLine: {
    maxLength: 120,
    allows: (c) => LATIN_LETTER.test(c) || (c >= '0' && c <= '9') || ADDRESS_PUNCTUATION.has(c),
    allowed: "letters, digits, spaces and . , - # / ' ( ) ° º ª & only",
    nameShape: false,
    maxCombiningMarks: 0,
  },
  // Any script, symbols and punctuation: only the invisible and the unassigned are refused.
  FreeText: {
    maxLength: 500,
    allows: (c) => !UNPRINTABLE.test(c),
    allowed: 'printable characters only',
    nameShape: false,
    maxCombiningMarks: 3,
  },
};

/** Apostrophes and hyphens as people type them (´ on Spanish keyboards, ’ from word processors), in one form. */
const SAME_AS: Readonly<Record<string, string>> = { '\u2019': "'", '\u02BC': "'", '\u00B4': "'", '\u2010': '-', '\u2011': '-', '\u2013': '-' };

const CONTROL = /\p{Cc}/u;
// Format characters (bidi overrides, zero-width space and joiners, soft hyphen, BOM) and every
// other default-ignorable one (Hangul fillers, variation selectors, the combining grapheme joiner).
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const COMBINING = /\p{M}/u;
const SPACE = /\p{Zs}/u;

const hex = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function refuse(reason: TextRefusal, message: string, details: Omit<TextIssue, 'reason' | 'message'> = {}): TextCheck {
  return { ok: false, issue: { reason, message, ...details } };
}

/** The value in its one accepted form (NFC, spaces single, trimmed, apostrophes and hyphens unified), or why not. */
export function checkText(kind: TextKind, input: string): TextCheck {
  const rule = TEXT_RULES[kind];
  // Lone surrogates first: they are not text, and normalisation would carry them along.
  const chars = [...input];
  const surrogate = chars.findIndex((c) => LONE_SURROGATE.test(c));
  if (surrogate >= 0) {
    return refuse('UNPAIRED_SURROGATE', `Position ${surrogate + 1} is half of a character (an unpaired surrogate, ${hex(chars[surrogate]!)})`, { position: surrogate + 1, char: hex(chars[surrogate]!) });
  }
  // A value far over the limit is refused before any per-character work.
  if (chars.length > rule.maxLength * 4) return tooLong(chars.length, rule.maxLength);

  const normalised = [...input.normalize('NFC')].map((c) => (SPACE.test(c) ? ' ' : (SAME_AS[c] ?? c)));
  let marks = 0;
  for (const [index, c] of normalised.entries()) {
    const position = index + 1;
    if (CONTROL.test(c)) return refuse('CONTROL_CHARACTER', `Position ${position} is a control character (${hex(c)})`, { position, char: hex(c) });
    if (INVISIBLE.test(c)) return refuse('INVISIBLE_CHARACTER', `Position ${position} is an invisible character (${hex(c)})`, { position, char: hex(c) });
    const notAllowed = () => refuse('CHARACTER_NOT_ALLOWED', `Position ${position}, '${c}' (${hex(c)}), is not allowed: ${rule.allowed}`, { position, char: hex(c) });
    if (COMBINING.test(c)) {
      // Names and addresses have none left after NFC; elsewhere a few, never a stack of them.
      if (rule.maxCombiningMarks === 0) return notAllowed();
      if (++marks > rule.maxCombiningMarks) {
        return refuse('TOO_MANY_COMBINING_MARKS', `Position ${position}: more than ${rule.maxCombiningMarks} accents or marks on one character`, { position, max: rule.maxCombiningMarks });
      }
      continue;
    }
    marks = 0;
    if (!rule.allows(c)) return notAllowed();
  }

  const value = normalised.join('').trim().replace(/ {2,}/g, ' ');
  const length = [...value].length;
  if (length === 0) return refuse('EMPTY', 'It is empty');
  if (length > rule.maxLength) return tooLong(length, rule.maxLength);
  if (rule.nameShape) {
    if (!LATIN_LETTER.test([...value][0]!)) return refuse('MUST_START_WITH_LETTER', 'It must start with a letter');
    // "MA. LUISA" and "GARCIA - LOPEZ" are names; "O''BRIEN" and "PEREZ.-" are typing slips.
    const repeated = /['.-]['.-]/u.exec(value);
    if (repeated) {
      const position = [...value.slice(0, repeated.index)].length + 1;
      return refuse('REPEATED_PUNCTUATION', `Position ${position}: two punctuation marks in a row ('${repeated[0]}')`, { position });
    }
  }
  return { ok: true, value };
}

function tooLong(length: number, max: number): TextCheck {
  return refuse('TOO_LONG', `It has ${length} characters, at most ${max} are allowed`, { length, max });
}
