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
}

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/**
 * Row ids of one person: UUIDs (version 7 layout) made of the seed, the person's index and a
 * counter — unique by construction, the same for the same seed, and ascending within a load, so
 * every primary key index is appended to instead of split at random (random v4 ids made the
 * load several times slower, in WAL above all). The last 48 bits come from the person's stream.
 */
export function idsOf(seed: number, index: number, random: Random): () => string {
  const run = hex(mix32(seed >>> 0), 8);
  const high = hex(Math.floor(index / 4096) & 0xffff, 4);
  const low = hex(index % 4096, 3);
  let counter = 0;
  return () => {
    if (counter >= 0x1000) throw new Error('more than 4096 rows for one person');
    const n = counter++;
    return `${run}-${high}-7${low}-${hex(0x8 | (n >>> 10), 1)}${hex(n & 0x3ff, 3)}-${hex(random.int(0x1000000), 6)}${hex(random.int(0x1000000), 6)}`;
  };
}
