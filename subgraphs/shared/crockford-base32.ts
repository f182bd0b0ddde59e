/**
 * Crockford's base32 (https://www.crockford.com/base32.html): digits and letters without I, L, O
 * and U, so that a reference read aloud or copied by hand survives. On input, I and L read as 1,
 * O as 0, and case does not matter.
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const VALUES: ReadonlyMap<string, number> = new Map([...CROCKFORD_ALPHABET].map((c, i) => [c, i]));

/** Upper-cases, drops hyphens and white space, and applies the I/L → 1, O → 0 aliases. */
export function normalizeCrockford(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** The value 0–31 of a symbol, or undefined when it is not in the alphabet. */
export function crockfordValue(symbol: string): number | undefined {
  return VALUES.get(symbol);
}

/** `bytes` as a big-endian number in ceil(8n/5) symbols; the unused top bits of the first are zero. */
export function encodeCrockford(bytes: Uint8Array): string {
  const length = Math.ceil((bytes.length * 8) / 5);
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < length; i++) {
    out = CROCKFORD_ALPHABET[Number(n & 31n)]! + out;
    n >>= 5n;
  }
  return out;
}

/** Decodes `symbols` (already in the alphabet) into `byteLength` bytes, or null when the number does not fit. */
export function decodeCrockford(symbols: string, byteLength: number): Uint8Array | null {
  let n = 0n;
  for (const c of symbols) {
    const v = VALUES.get(c);
    if (v === undefined) return null;
    n = (n << 5n) | BigInt(v);
  }
  if (n >> BigInt(byteLength * 8) !== 0n) return null;
  const bytes = new Uint8Array(byteLength);
  for (let i = byteLength - 1; i >= 0; i--) {
    bytes[i] = Number(n & 255n);
    n >>= 8n;
  }
  return bytes;
}
