/**
 * ISO/IEC 7064 MOD 97-10, the check of IBANs: over a string of decimal digits, the check pair is
 * 98 − (digits·100 mod 97), so that the digits followed by the pair are ≡ 1 (mod 97). As a pure
 * system with a prime modulus coprime to 10 it catches every single-digit substitution and every
 * adjacent transposition of digits.
 */

function mod97(digits: string): number {
  let r = 0;
  for (const c of digits) {
    const d = c.charCodeAt(0) - 48;
    if (d < 0 || d > 9) throw new RangeError(`MOD 97-10 works on decimal digits, found '${c}'`);
    r = (r * 10 + d) % 97;
  }
  return r;
}

/** The two check digits ('02'–'98') for `digits`. */
export function mod97CheckPair(digits: string): string {
  return String(98 - mod97(`${digits}00`)).padStart(2, '0');
}

/** True when `digitsWithPair` (the digits followed by their pair) passes the check. */
export function isMod97Valid(digitsWithPair: string): boolean {
  return mod97(digitsWithPair) === 1;
}
