/**
 * The patches of db/patches are in place (db/patches/README.md): every copy of postgres.js's queue
 * carries the fix, and the patched queue still behaves as a queue: first in, first out, any member
 * removable, and correct however long it runs without emptying (a pool's busy connections under
 * steady load).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The package's CommonJS entry is cjs/src/index.js; its root is three levels up.
const postgresRoot = dirname(dirname(dirname(createRequire(import.meta.url).resolve('postgres'))));
const COPIES = ['src/queue.js', 'cjs/src/queue.js', 'cf/src/queue.js'];

interface Queue<T> {
  readonly length: number;
  push(x: T): T;
  shift(): T | undefined;
  remove(x: T): T | null;
}

describe('dependency patches', () => {
  it('patches every copy of postgres.js queue', () => {
    for (const copy of COPIES) expect(readFileSync(join(postgresRoot, copy), 'utf8'), copy).toContain('xs.indexOf(x, index)');
  });

  it('keeps the queue first in, first out, with any member removable, through a long run that never empties it', async () => {
    const { default: makeQueue } = (await import(pathToFileURL(join(postgresRoot, 'src/queue.js')).href)) as { default: <T>(initial?: T[]) => Queue<T> };
    const queue = makeQueue<number>([1, 2, 3, 4]);
    // Connections cycling through a queue that always holds some of them, as a busy pool's does.
    let next = 5;
    const expected = [1, 2, 3, 4];
    for (let i = 0; i < 100_000; i++) {
      expect(queue.shift()).toBe(expected.shift());
      queue.push(next);
      expected.push(next++);
      if (i % 1_000 === 0) {
        // A member leaves from the middle (a connection closing), and the order of the rest holds.
        const leaving = expected.splice(1, 1)[0]!;
        expect(queue.remove(leaving)).toBe(leaving);
        expect(queue.remove(leaving)).toBeNull();
        queue.push(next);
        expected.push(next++);
      }
      expect(queue.length).toBe(expected.length);
    }
    const rest: number[] = [];
    while (queue.length > 0) rest.push(queue.shift()!);
    expect(rest).toEqual(expected);
    expect(queue.shift()).toBeUndefined();
  });
});
