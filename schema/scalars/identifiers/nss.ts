/** NSS (docs/domain.md §2): subdelegation (2) + registration year (2) + birth year (2) + sequence (4) + Luhn. */
import type { Validated } from './issues.ts';

/** Luhn over the first 10 digits: weights 1,2,1,2,… from the left, products ≥ 10 digit-summed. */
export function nssCheckDigit(first10: string): number {
  if (!/^\d{10}$/.test(first10)) throw new RangeError('nssCheckDigit needs 10 digits');
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const product = Number(first10[i]) * (i % 2 === 0 ? 1 : 2);
    sum += product >= 10 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

export interface NssParts {
  value: string;
  subdelegation: string;
  registrationYear: string;
  /** '97' means the birth date was unknown at registration. */
  birthYear: string;
  sequence: string;
}

export function parseNss(value: string): NssParts {
  return { value, subdelegation: value.slice(0, 2), registrationYear: value.slice(2, 4), birthYear: value.slice(4, 6), sequence: value.slice(6, 10) };
}

export function validateNss(input: string): Validated<NssParts> {
  const value = input.trim().replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(value)) {
    const position = [...value].findIndex((c) => !/\d/.test(c));
    return {
      ok: false,
      issues: [{ code: 'NSS_FORMAT', ...(position >= 0 ? { position: position + 1 } : {}), message: `An NSS has 11 digits${position >= 0 ? `; position ${position + 1} is not a digit` : `, this one has ${value.length}`}` }],
    };
  }
  const expected = nssCheckDigit(value.slice(0, 10));
  if (Number(value[10]) !== expected) {
    return { ok: false, issues: [{ code: 'NSS_CHECK_DIGIT', position: 11, message: `Check digit should be ${expected}, found ${value[10]}` }] };
  }
  return { ok: true, ...parseNss(value) };
}

export interface NssComposition {
  subdelegation: string;
  registrationYear: number;
  /** Null when the birth date is unknown: encoded as 97. */
  birthYear: number | null;
  sequence: number;
}

export function composeNss(parts: NssComposition): string {
  if (!/^\d{2}$/.test(parts.subdelegation)) throw new RangeError('subdelegation must be 2 digits');
  if (!Number.isInteger(parts.sequence) || parts.sequence < 0 || parts.sequence > 9999) throw new RangeError('sequence must be 0..9999');
  const yy = (n: number) => String(((n % 100) + 100) % 100).padStart(2, '0');
  const first10 = `${parts.subdelegation}${yy(parts.registrationYear)}${parts.birthYear === null ? '97' : yy(parts.birthYear)}${String(parts.sequence).padStart(4, '0')}`;
  return `${first10}${nssCheckDigit(first10)}`;
}
