/**
 * The one way personal data leaves a subgraph: a DataLoader that, for each batch,
 *   1. decides each key with the subgraph's policy (before anything is read),
 *   2. reads the permitted keys in one statement,
 *   3. decides each row that needs a row-level check (after the read),
 *   4. appends the reads and the refusals to the audit trail in one statement,
 *   5. releases the rows it returns, so the shield's entity rules let their fields through.
 * A key's decision is made once per request (DataLoader caches per key). An explained refusal
 * (FORBIDDEN, PURPOSE_REQUIRED) becomes that key's error; a silent one (another person's record)
 * its null or empty list — the same answer as for a record that does not exist.
 */
import DataLoader from 'dataloader';
import type { BaseContext } from '../context.ts';
import { refusalError, type Decision, type RefusalReason } from './decisions.ts';

interface ScopedSpec<K, R, Read extends string> {
  /** The audit label of this read (the GraphQL type or field it serves). */
  audit: Read;
  /** The policy for a key, before the read. */
  decide: (key: K) => Decision;
  /** One statement for the whole batch of permitted keys. */
  read: (keys: readonly K[]) => Promise<readonly R[]>;
  /** The key a row answers. */
  keyOf: (row: R) => K;
  /** The person a row is about (audited). */
  subjectOf: (row: R) => string;
  /** The person a key names, when it names one (refusals before the read are audited for them). */
  subjectOfKey?: (key: K) => string | null;
  /** A policy for each row after the read, when the key alone could not decide (an NSS names no one); refusals are silent and audited. */
  decideRow?: (row: R) => Decision;
  /**
   * Narrows a permitted read to the rows in the caller's scope (an employer sees only its own
   * registrations' rows of a worker): the rest are left out, silently and without an audit row,
   * since the caller asked for nothing beyond their scope.
   */
  narrow?: (row: R) => boolean;
  /** The entity type whose rows this loader releases to the shield, and the row's id there. */
  releases?: { type: string; idOf: (row: R) => string };
}

type Context<Read extends string> = Pick<BaseContext<Read>, 'audit' | 'released'>;

/** One row (or null) per key. */
export function scopedLoader<K, R, Read extends string>(ctx: Context<Read>, spec: ScopedSpec<K, R, Read>): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(async (keys) => {
    const { answers, rows } = await readScoped(ctx, spec, keys);
    const byKey = new Map(rows.map((row) => [spec.keyOf(row), row]));
    return keys.map((key, i) => answers[i] ?? byKey.get(key) ?? null);
  });
}

/** All rows (possibly none) per key. */
export function scopedListLoader<K, R, Read extends string>(ctx: Context<Read>, spec: ScopedSpec<K, R, Read>): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(async (keys) => {
    const { answers, rows } = await readScoped(ctx, spec, keys);
    const groups = new Map<K, R[]>();
    for (const row of rows) {
      const key = spec.keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key, i) => answers[i] ?? groups.get(key) ?? []);
  });
}

async function readScoped<K, R, Read extends string>(ctx: Context<Read>, spec: ScopedSpec<K, R, Read>, keys: readonly K[]) {
  const answers: (Error | undefined)[] = [];
  const refusals: Array<{ subjectCurp: string; reason: RefusalReason }> = [];
  const permitted: K[] = [];
  keys.forEach((key, i) => {
    const decision = spec.decide(key);
    if (decision.allowed) {
      permitted.push(key);
      return;
    }
    const subject = spec.subjectOfKey?.(key);
    if (subject) refusals.push({ subjectCurp: subject, reason: decision.reason });
    if (decision.explained) answers[i] = refusalError(decision.reason);
  });

  const read = permitted.length > 0 ? await spec.read([...new Set(permitted)]) : [];
  const rows: R[] = [];
  for (const row of read) {
    if (spec.narrow && !spec.narrow(row)) continue;
    const decision = spec.decideRow?.(row);
    if (decision && !decision.allowed) refusals.push({ subjectCurp: spec.subjectOf(row), reason: decision.reason });
    else rows.push(row);
  }

  await ctx.audit.append([
    ...rows.map((row) => ({ action: 'READ' as const, subjectCurp: spec.subjectOf(row), what: spec.audit })),
    ...refusals.map((refusal) => ({ action: 'REFUSED' as const, ...refusal, what: spec.audit })),
  ]);
  if (spec.releases) for (const row of rows) ctx.released.release(spec.releases.type, spec.releases.idOf(row));
  return { answers, rows };
}
