/**
 * Exact rational arithmetic for money rules: rates such as 0.375 % or 30.4 days are decimals that
 * binary floating point cannot hold exactly, so amounts are computed as BigInt fractions of
 * centavos and rounded once, half-up to the centavo, where a rule says so.
 */

/** num / den with den > 0. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** A non-negative decimal written as text ('0.0204', '30.4', '25') as an exact ratio. */
export function parseDecimal(text: string): Ratio {
  if (!DECIMAL.test(text)) throw new RangeError(`Not a non-negative decimal: "${text}"`);
  const [whole = '0', fraction = ''] = text.split('.');
  return { num: BigInt(whole + fraction), den: 10n ** BigInt(fraction.length) };
}

/** An integer (e.g. centavos) as a ratio. */
export function integer(value: number | bigint): Ratio {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`Not a safe integer: ${value}`);
  return { num: BigInt(value), den: 1n };
}

export function multiply(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function divide(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw new RangeError('Division by zero');
  const sign = b.num < 0n ? -1n : 1n;
  return { num: a.num * b.den * sign, den: a.den * b.num * sign };
}

export function subtract(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Ratio, b: Ratio): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function max(a: Ratio, b: Ratio): Ratio {
  return compare(a, b) >= 0 ? a : b;
}

/** Rounds half away from zero to an integer ("half-up" for the non-negative amounts used here). */
export function roundHalfUp(value: Ratio): number {
  const negative = value.num < 0n;
  const magnitude = negative ? -value.num : value.num;
  const rounded = (2n * magnitude + value.den) / (2n * value.den);
  return Number(negative ? -rounded : rounded);
}
