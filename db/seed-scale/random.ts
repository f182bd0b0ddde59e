/**
 * Deterministic randomness for the scale seed: every person draws from its own stream, derived
 * from (seed, person index), so a person's rows do not depend on how the load is chunked and the
 * same seed always gives the same database (template ciphertexts aside: sealing takes fresh
 * random keys and IVs by design, see biometrics.ts).
 */

/** 32-bit avalanche mix (the finaliser of MurmurHash3): spreads nearby inputs far apart. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85eb_ca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2_ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counting generator): 128 bits of state, so the streams
 * of a million people do not run into each other (a 32-bit generator's would, and did: its
 * UUIDs collided at 100,000 people). Statistically fine for synthetic data, not for secrets.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number) {
    this.a = mix32(seed >>> 0);
    this.b = mix32((stream >>> 0) ^ 0x9e37_79b9);
    this.c = mix32(this.a ^ Math.imul(this.b, 0x85eb_ca6b) ^ Math.floor(stream / 4_294_967_296));
    this.d = 1;
    for (let i = 0; i < 12; i += 1) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)]!;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A version-4-shaped UUID from this stream (deterministic, unlike crypto.randomUUID). */
  uuid(): string {
    const hex = (n: number) => Math.floor(n).toString(16).padStart(8, '0');
    const a = hex(this.next() * 4_294_967_296);
    const b = hex(this.next() * 4_294_967_296);
    const c = hex(this.next() * 4_294_967_296);
    const d = hex(this.next() * 4_294_967_296);
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }
}
