/**
 * The gateway's peak memory. Left to itself, V8 lets the old generation grow up to about four times
 * what the last full collection kept before it collects again, when the process allocates fast: at
 * 3,800 `me` requests per second the gateway's RSS climbed from 260 to 430 MB within each 5 s round
 * of `npm run bench`, and fell back once the round ended (all of it garbage, none of it a leak). A
 * growing factor of 2 (`--heap-growing-percent=100`) kept the peak at 289 MB, under the 300 MB
 * target (docs/architecture.md, "Performance notes"), for 2–6 % more gateway CPU; 1.5 gave 252 MB
 * for 7–12 %. The flag is read at each collection, so setting it at start-up takes effect at once.
 */
import { setFlagsFromString } from 'node:v8';

/** Applies the growing factor `1 + percent / 100`; 0 keeps V8's own. */
export function limitHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0) throw new Error(`heap growing percent must be a whole number ≥ 0, got ${percent}`);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
