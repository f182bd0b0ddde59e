/**
 * The audited reads of every request a subgraph process serves, appended together
 * (docs/security.md, "Audit"). An audit INSERT costs PostgreSQL about 180 µs of CPU for the
 * statement and its commit and 40 µs per row (200–250 µs for one row, 55 µs a row for eight;
 * docs/architecture.md, "Performance notes"), and each request's reads append a row or two (a list
 * one per person). So rows that arrive while an INSERT is in flight wait and go in the next one
 * together, up to `rowsMax`.
 *
 * Nothing changes for a request: it still waits until its own rows are committed before its data
 * leaves, and a statement that fails fails every request whose rows it carried (fail closed, as
 * before). One statement is in flight at a time while statements are quick: a second one beside it
 * would carry rows that could have waited for the next, and it would wait anyway on the chain locks
 * of the subjects both carry (the same people, read by several staff at once). Only when the one
 * in flight has taken longer than `nextLaneAfterMs` does another go beside it, up to `inFlightMax`:
 * a statement held up by a person's chain lock (a mutation's transaction on that person) then does
 * not hold up every other read. Rows of one statement are sorted by subject, so every writer takes
 * the chain locks in the same order.
 */

export interface GroupedAppendOptions {
  /**
   * Most rows in one statement; a single append of more rows goes alone. A list of people is a row
   * per person, and staff reading the same queue at once wait on the same people's chain locks, so
   * their rows are cheapest in one statement; at 8, each list of six went alone (docs/architecture.md,
   * "Performance notes"). @default 64
   */
  rowsMax?: number;
  /** Most statements in flight at once. @default 2 */
  inFlightMax?: number;
  /** How long the youngest statement in flight may take before another goes beside it. @default 20 */
  nextLaneAfterMs?: number;
}

/** By subject: every writer takes the per-subject chain locks in the same order (no deadlocks). */
export function bySubject(a: { subjectCurp: string }, b: { subjectCurp: string }): number {
  return a.subjectCurp < b.subjectCurp ? -1 : a.subjectCurp > b.subjectCurp ? 1 : 0;
}

interface Waiting<Row> {
  rows: readonly Row[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Appends through `write`, grouping the rows of appends that wait at the same time. */
export function groupedAppends<Row extends { subjectCurp: string }>(
  write: (rows: Row[]) => Promise<void>,
  options: GroupedAppendOptions = {},
): (rows: readonly Row[]) => Promise<void> {
  const rowsMax = options.rowsMax ?? 64;
  const inFlightMax = options.inFlightMax ?? 2;
  const nextLaneAfterMs = options.nextLaneAfterMs ?? 20;
  const waiting: Waiting<Row>[] = [];
  /** When each statement in flight was sent (performance.now()), oldest first. */
  const inFlight: number[] = [];
  let scheduled = false;
  let laneTimer: ReturnType<typeof setTimeout> | null = null;

  /** Whether another statement may go now; if only later, dispatches again then. */
  function laneOpen(): boolean {
    if (inFlight.length === 0) return true;
    if (inFlight.length >= inFlightMax) return false;
    const waited = performance.now() - inFlight[inFlight.length - 1]!;
    if (waited >= nextLaneAfterMs) return true;
    if (!laneTimer) {
      laneTimer = setTimeout(() => {
        laneTimer = null;
        dispatch();
      }, nextLaneAfterMs - waited);
      laneTimer.unref();
    }
    return false;
  }

  function dispatch(): void {
    scheduled = false;
    while (waiting.length > 0 && laneOpen()) {
      const batch: Waiting<Row>[] = [waiting.shift()!];
      let count = batch[0]!.rows.length;
      while (waiting.length > 0 && count + waiting[0]!.rows.length <= rowsMax) {
        const next = waiting.shift()!;
        batch.push(next);
        count += next.rows.length;
      }
      const rows = batch.flatMap((entry) => entry.rows).sort(bySubject);
      const sentAt = performance.now();
      inFlight.push(sentAt);
      // A writer that throws instead of rejecting still settles its batch and frees its slot.
      new Promise<void>((resolve) => resolve(write(rows))).then(
        () => batch.forEach((entry) => entry.resolve()),
        (error: unknown) => batch.forEach((entry) => entry.reject(error)),
      ).finally(() => {
        inFlight.splice(inFlight.indexOf(sentAt), 1);
        dispatch();
      });
    }
  }

  return (rows) => {
    if (rows.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      waiting.push({ rows, resolve, reject });
      // After the current tick: appends made together (one request's loaders, or several requests')
      // share a statement even when nothing is in flight yet.
      if (!scheduled) {
        scheduled = true;
        process.nextTick(dispatch);
      }
    });
  };
}
