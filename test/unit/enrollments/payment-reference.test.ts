/**
 * Opaque payment references: 128 random bits in Crockford base32 plus an ISO 7064 MOD 97-10 check
 * pair (docs/domain.md §7). The check is recomputed here with BigInt from the standard's definition
 * (digits followed by the pair ≡ 1 mod 97), independently of the implementation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPaymentReference, newPaymentReference, parsePaymentReference, PAYMENT_REFERENCE_BYTES,
} from '../../../subgraphs/enrollments/rules/payments/index.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const compactOf = (reference: string) => reference.replaceAll('-', '');
const digitsOf = (payload: string) => [...payload].map((c) => String(ALPHABET.indexOf(c)).padStart(2, '0')).join('');
const checkPairFor = (payload: string) => String(98n - (BigInt(`${digitsOf(payload)}00`) % 97n)).padStart(2, '0');
const bytes16 = fc.uint8Array({ minLength: 16, maxLength: 16 });
const codes = (input: string) => {
  const result = parsePaymentReference(input);
  return result.ok ? [] : result.issues.map((i) => [i.code, i.position]);
};

describe('payment reference format', () => {
  it('zero bytes give 26 zeros and the check pair 98, in seven groups of four', () => {
    expect(formatPaymentReference(new Uint8Array(16))).toBe('0000-0000-0000-0000-0000-0000-0098');
  });

  it('the first symbol carries only 3 of the 128 bits', () => {
    const compact = compactOf(formatPaymentReference(new Uint8Array(16).fill(255)));
    expect(compact.slice(0, 26)).toBe(`7${'Z'.repeat(25)}`);
  });

  it('the check pair satisfies ISO 7064 MOD 97-10 over the payload', () => {
    fc.assert(fc.property(bytes16, (bytes) => {
      const compact = compactOf(formatPaymentReference(bytes));
      expect(compact).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}\d{2}$/);
      expect(BigInt(`${digitsOf(compact.slice(0, 26))}${compact.slice(26)}`) % 97n).toBe(1n);
    }), { numRuns: 200 });
  });

  it('parsing a formatted reference gives back its bytes and its written form', () => {
    fc.assert(fc.property(bytes16, (bytes) => {
      const reference = formatPaymentReference(bytes);
      expect(parsePaymentReference(reference)).toEqual({ ok: true, value: reference, compact: compactOf(reference), bytes });
    }), { numRuns: 200 });
  });

  it('refuses to format anything but 16 bytes', () => {
    expect(() => formatPaymentReference(new Uint8Array(15))).toThrow(RangeError);
  });
});

describe('parsing what people type', () => {
  const one = new Uint8Array(16);
  one[15] = 1;
  const reference = formatPaymentReference(one); // 25 zeros, a 1, then the pair

  it('ignores case, hyphens and spaces', () => {
    const expected = parsePaymentReference(reference);
    expect(expected.ok).toBe(true);
    expect(parsePaymentReference(reference.toLowerCase())).toEqual(expected);
    expect(parsePaymentReference(` ${reference.replaceAll('-', ' ')} `)).toEqual(expected);
    expect(parsePaymentReference(compactOf(reference))).toEqual(expected);
  });

  it("reads Crockford's look-alikes: O as 0, I and L as 1", () => {
    expect(reference).toBe(`0000-0000-0000-0000-0000-0000-01${checkPairFor(`${'0'.repeat(25)}1`)}`);
    const typed = reference.replaceAll('0', 'O').replace('1', 'l');
    expect(parsePaymentReference(typed)).toMatchObject({ ok: true, value: reference });
    expect(parsePaymentReference(reference.replace('1', 'I'))).toMatchObject({ ok: true, value: reference });
  });

  it('refuses a wrong length with PAYMENT_REFERENCE_FORMAT', () => {
    expect(codes(reference.slice(0, -1))).toEqual([['PAYMENT_REFERENCE_FORMAT', undefined]]);
    expect(codes(`${reference}0`)).toEqual([['PAYMENT_REFERENCE_FORMAT', undefined]]);
  });

  it('refuses U, punctuation and letters in the check digits, with their positions', () => {
    expect(codes(`U${compactOf(reference).slice(1)}`)).toEqual([['PAYMENT_REFERENCE_FORMAT', 1]]);
    expect(codes(`${compactOf(reference).slice(0, 5)}*${compactOf(reference).slice(6)}`)).toEqual([['PAYMENT_REFERENCE_FORMAT', 6]]);
    expect(codes(`${compactOf(reference).slice(0, 26)}A${compactOf(reference).slice(27)}`)).toEqual([['PAYMENT_REFERENCE_FORMAT', 27]]);
  });

  it('refuses a first symbol above 7 even with a matching check pair (more than 128 bits)', () => {
    const payload = `8${'0'.repeat(25)}`;
    expect(codes(`${payload}${checkPairFor(payload)}`)).toEqual([['PAYMENT_REFERENCE_FORMAT', 1]]);
  });

  it('a wrong check pair is PAYMENT_REFERENCE_CHECK', () => {
    expect(codes('0000-0000-0000-0000-0000-0000-0097')).toEqual([['PAYMENT_REFERENCE_CHECK', undefined]]);
  });
});

describe('mistyped references are caught before any lookup', () => {
  const symbols = [...ALPHABET];

  it('every single-character substitution is detected', () => {
    fc.assert(fc.property(bytes16, fc.integer({ min: 0, max: 27 }), fc.constantFrom(...symbols, 'U', '*'), (bytes, position, replacement) => {
      const compact = compactOf(formatPaymentReference(bytes));
      fc.pre(compact[position] !== replacement);
      const typo = `${compact.slice(0, position)}${replacement}${compact.slice(position + 1)}`;
      expect(parsePaymentReference(typo).ok).toBe(false);
    }), { numRuns: 2000 });
  });

  it('every adjacent transposition of different characters is detected', () => {
    fc.assert(fc.property(bytes16, fc.integer({ min: 0, max: 26 }), (bytes, position) => {
      const compact = compactOf(formatPaymentReference(bytes));
      fc.pre(compact[position] !== compact[position + 1]);
      const typo = `${compact.slice(0, position)}${compact[position + 1]}${compact[position]}${compact.slice(position + 2)}`;
      expect(parsePaymentReference(typo).ok).toBe(false);
    }), { numRuns: 2000 });
  });

  it('exhaustively, for one reference with digits next to the check pair, no substitution or swap passes', () => {
    const bytes = new Uint8Array(16).fill(0x42);
    bytes[15] = 0x07; // makes the last payload symbol a digit, so it can swap with a check digit
    const compact = compactOf(formatPaymentReference(bytes));
    expect(compact[25]).toMatch(/\d/);
    let tried = 0;
    for (let p = 0; p < compact.length; p++) {
      for (const s of symbols) {
        if (s === compact[p]) continue;
        tried++;
        expect(parsePaymentReference(`${compact.slice(0, p)}${s}${compact.slice(p + 1)}`).ok, `${p}:${s}`).toBe(false);
      }
      if (p < compact.length - 1 && compact[p] !== compact[p + 1]) {
        tried++;
        expect(parsePaymentReference(`${compact.slice(0, p)}${compact[p + 1]}${compact[p]}${compact.slice(p + 2)}`).ok, `swap ${p}`).toBe(false);
      }
    }
    expect(tried).toBeGreaterThan(28 * 31);
  });
});

describe('generation', () => {
  it('asks the injected random source for 128 bits and encodes exactly those', () => {
    const sizes: number[] = [];
    const fixed = new Uint8Array(16).fill(9);
    const reference = newPaymentReference((size) => { sizes.push(size); return fixed; });
    expect(sizes).toEqual([PAYMENT_REFERENCE_BYTES]);
    expect(reference).toBe(formatPaymentReference(fixed));
  });

  it('defaults to node:crypto, giving distinct, valid references', () => {
    const a = newPaymentReference();
    const b = newPaymentReference();
    expect(a).not.toBe(b);
    expect(parsePaymentReference(a).ok).toBe(true);
    expect(parsePaymentReference(b).ok).toBe(true);
  });
});
