/**
 * The audited reads of every request a subgraph process serves, appended together
 * (docs/security.md, "Audit"). An audit INSERT costs PostgreSQL about 180 µs of CPU for the
 * statement and its commit and 40 µs per row (200–250 µs for one row, 55 µs a row for eight;
 * docs/architecture.md, "Performance notes"), and each request's reads append a row or two. So rows
 * that arrive while INSERTs are in flight wait and go in the next one together, up to `rowsMax`.
 *
 * Nothing changes for a request: it still waits until its own rows are committed before its data
 * leaves, and a statement that fails fails every request whose rows it carried (fail closed, as
 * before). At most `inFlightMax` statements at once, so one held up by a person's chain lock (a
 * mutation's transaction on that person) does not hold up every other read. Rows of one statement
 * are sorted by subject, so every writer takes the chain locks in the same order.
 */

export interface GroupedAppendOptions {
  /** Most rows in one statement; a single append of more rows goes alone. @default 8 */
  rowsMax?: number;
  /** Most statements in flight at once. @default 2 */
  inFlightMax?: number;
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
  const rowsMax = options.rowsMax ?? 8;
  const inFlightMax = options.inFlightMax ?? 2;
  const waiting: Waiting<Row>[] = [];
  let inFlight = 0;
  let scheduled = false;

  function dispatch(): void {
    scheduled = false;
    while (inFlight < inFlightMax && waiting.length > 0) {
      const batch: Waiting<Row>[] = [waiting.shift()!];
      let count = batch[0]!.rows.length;
      while (waiting.length > 0 && count + waiting[0]!.rows.length <= rowsMax) {
        const next = waiting.shift()!;
        batch.push(next);
        count += next.rows.length;
      }
      const rows = batch.flatMap((entry) => entry.rows).sort(bySubject);
      inFlight += 1;
      // A writer that throws instead of rejecting still settles its batch and frees its slot.
      new Promise<void>((resolve) => resolve(write(rows))).then(
        () => batch.forEach((entry) => entry.resolve()),
        (error: unknown) => batch.forEach((entry) => entry.reject(error)),
      ).finally(() => {
        inFlight -= 1;
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
