/** Audited reads of concurrent requests share INSERTs (subgraphs/shared/audit/grouped-appends.ts). */
import { describe, expect, it } from 'vitest';
import { groupedAppends } from '../../../subgraphs/shared/audit/grouped-appends.ts';

interface Row {
  subjectCurp: string;
  request: string;
}

/** A writer whose statements finish when the test says so. */
function controlledWriter() {
  const statements: Array<{ rows: Row[]; finish: () => void; fail: (error: Error) => void }> = [];
  const write = (rows: Row[]) =>
    new Promise<void>((resolve, reject) => {
      statements.push({ rows, finish: resolve, fail: reject });
    });
  return { statements, write };
}

const rows = (request: string, ...curps: string[]): Row[] => curps.map((subjectCurp) => ({ subjectCurp, request }));
const tick = () => new Promise((resolve) => setImmediate(resolve));
const settled = (promise: Promise<void>) => promise.then(() => 'ok', (error: Error) => error.message);

describe('grouped audit appends', () => {
  it('sends appends made in the same tick as one statement, sorted by subject', async () => {
    const writer = controlledWriter();
    const append = groupedAppends(writer.write);
    const a = append(rows('a', 'ZZZZ'));
    const b = append(rows('b', 'AAAA', 'MMMM'));
    await tick();
    expect(writer.statements).toHaveLength(1);
    expect(writer.statements[0]!.rows.map((r) => r.subjectCurp)).toEqual(['AAAA', 'MMMM', 'ZZZZ']);
    writer.statements[0]!.finish();
    expect(await Promise.all([settled(a), settled(b)])).toEqual(['ok', 'ok']);
  });

  it('holds appends while the statements in flight are at their bound, then sends them together', async () => {
    const writer = controlledWriter();
    const append = groupedAppends(writer.write, { inFlightMax: 2, rowsMax: 8, nextLaneAfterMs: 0 });
    const first = append(rows('1', 'A'));
    await tick();
    const second = append(rows('2', 'B'));
    await tick();
    expect(writer.statements).toHaveLength(2);
    // Two in flight: these wait, whatever their number.
    const waiting = [append(rows('3', 'C')), append(rows('4', 'D')), append(rows('5', 'E'))];
    await tick();
    expect(writer.statements).toHaveLength(2);
    writer.statements[0]!.finish();
    await tick();
    expect(writer.statements).toHaveLength(3);
    expect(writer.statements[2]!.rows.map((r) => r.request)).toEqual(['3', '4', '5']);
    // A request is answered only once its own statement is committed.
    let thirdDone = false;
    void waiting[0]!.then(() => (thirdDone = true));
    writer.statements[1]!.finish();
    await tick();
    expect(thirdDone).toBe(false);
    writer.statements[2]!.finish();
    expect(await Promise.all([first, second, ...waiting].map(settled))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('keeps one statement in flight while it is quick: what arrives meanwhile waits and goes together', async () => {
    const writer = controlledWriter();
    const append = groupedAppends(writer.write, { inFlightMax: 2, nextLaneAfterMs: 10_000 });
    const first = append(rows('1', 'A'));
    await tick();
    const waiting = [append(rows('2', 'B')), append(rows('3', 'A'))];
    await tick();
    expect(writer.statements).toHaveLength(1);
    writer.statements[0]!.finish();
    await tick();
    expect(writer.statements.map((s) => s.rows.map((r) => r.request).join(''))).toEqual(['1', '32']);
    writer.statements[1]!.finish();
    expect(await Promise.all([first, ...waiting].map(settled))).toEqual(['ok', 'ok', 'ok']);
  });

  it('sends a second statement beside one held up longer than nextLaneAfterMs, never more than inFlightMax', async () => {
    const writer = controlledWriter();
    const append = groupedAppends(writer.write, { inFlightMax: 2, nextLaneAfterMs: 150 });
    const held = append(rows('held', 'A')); // as if a mutation's transaction held A's chain lock
    await tick();
    const sentAt = performance.now();
    const beside = append(rows('beside', 'B'));
    await tick();
    expect(writer.statements).toHaveLength(1);
    await expect.poll(() => writer.statements.length, { timeout: 5_000, interval: 10 }).toBe(2);
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(140);
    expect(writer.statements[1]!.rows.map((r) => r.request)).toEqual(['beside']);
    // Both lanes taken: the next waits for one of them, however long they take.
    const third = append(rows('third', 'C'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(writer.statements).toHaveLength(2);
    writer.statements[1]!.finish();
    expect(await settled(beside)).toBe('ok');
    await tick();
    expect(writer.statements.map((s) => s.rows[0]!.request)).toEqual(['held', 'beside', 'third']);
    writer.statements[2]!.finish();
    writer.statements[0]!.finish();
    expect(await Promise.all([held, third].map(settled))).toEqual(['ok', 'ok']);
  });

  it('puts at most rowsMax rows in a statement; one larger append goes alone', async () => {
    const writer = controlledWriter();
    const append = groupedAppends(writer.write, { inFlightMax: 1, rowsMax: 4 });
    const all = [append(rows('big', 'A', 'B', 'C', 'D', 'E', 'F')), append(rows('x', 'G', 'H')), append(rows('y', 'I', 'J')), append(rows('z', 'K'))];
    for (let i = 0; i < 3; i += 1) {
      await tick();
      writer.statements[i]!.finish();
    }
    await Promise.all(all);
    expect(writer.statements.map((s) => s.rows.map((r) => r.request).join(''))).toEqual(['bigbigbigbigbigbig', 'xxyy', 'z']);
  });

  it('fails exactly the requests whose rows a failed statement carried', async () => {
    const writer = controlledWriter();
    const append = groupedAppends(writer.write, { inFlightMax: 1 });
    const carried = [append(rows('a', 'A')), append(rows('b', 'B'))].map(settled);
    await tick();
    const later = settled(append(rows('c', 'C')));
    writer.statements[0]!.fail(new Error('connection lost'));
    await tick();
    writer.statements[1]!.finish();
    expect(await Promise.all([...carried, later])).toEqual(['connection lost', 'connection lost', 'ok']);
  });

  it('settles and frees the slot when the writer throws instead of rejecting', async () => {
    let calls = 0;
    const append = groupedAppends<Row>(() => {
      calls += 1;
      if (calls === 1) throw new Error('thrown');
      return Promise.resolve();
    }, { inFlightMax: 1 });
    expect(await settled(append(rows('a', 'A')))).toBe('thrown');
    expect(await settled(append(rows('b', 'B')))).toBe('ok');
  });

  it('sends nothing for an append without rows', async () => {
    const writer = controlledWriter();
    const append = groupedAppends(writer.write);
    await append([]);
    await tick();
    expect(writer.statements).toHaveLength(0);
  });
});
