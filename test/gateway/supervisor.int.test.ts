/**
 * The supervisor of `npm start` with small stand-in children (a script that behaves as told):
 * crashes are restarted, a child that stops on purpose is not, stop() ends the gateway before the
 * subgraphs and reports every exit code, and a child that ignores SIGTERM is killed.
 */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createSupervisor, type Supervisor } from '../../gateway/supervisor.ts';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'imss-supervisor-'));
const script = join(dir, 'child.mjs');
writeFileSync(
  script,
  `import { appendFileSync } from 'node:fs';
const { CHILD_NAME: name, CHILD_MODE: mode, CHILD_JOURNAL: journal } = process.env;
const note = (what) => appendFileSync(journal, name + ':' + what + '\\n');
note('start');
process.on('SIGTERM', () => {
  note('term');
  if (mode === 'stubborn') return;
  process.send({ shuttingDown: true });
  setTimeout(() => { note('exit'); process.exit(0); }, 100);
});
process.send({ ready: name, url: 'http://127.0.0.1:1/' + name });
if (mode === 'crash') setTimeout(() => process.exit(1), 100);
if (mode === 'stops-itself') setTimeout(() => { process.send({ shuttingDown: true }); note('exit'); process.exit(0); }, 100);
setInterval(() => {}, 1000);
`,
);

let supervisor: Supervisor | null = null;
afterEach(() => supervisor?.kill());

function setUp(journal: string, stopTimeoutMs = 30_000) {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));
  const starts: string[] = [];
  supervisor = createSupervisor({ cwd: root, log, initialDelayMs: 10, stopTimeoutMs, onStart: (name) => starts.push(name) });
  const start = (name: string, mode: string, stopFirst = false) =>
    supervisor!.start({ name, script, args: [], env: { CHILD_NAME: name, CHILD_MODE: mode, CHILD_JOURNAL: journal }, stopFirst });
  return { supervisor, lines, starts, start };
}

const journalFile = (name: string) => {
  const path = join(dir, `${name}.log`);
  appendFileSync(path, '');
  return path;
};
const journal = (path: string) => readFileSync(path, 'utf8').trim().split('\n');
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('the npm start supervisor', () => {
  it('restarts a child that crashed', async () => {
    const path = journalFile('crash');
    const { starts, start } = setUp(path);
    await start('persons', 'crash');
    await until(() => starts.length >= 2);
    expect(starts.slice(0, 2)).toEqual(['persons', 'persons']);
  });

  it('does not restart a child that announced its shutdown and exited 0', async () => {
    const path = journalFile('on-purpose');
    const { lines, starts, start } = setUp(path);
    await start('persons', 'stops-itself');
    await until(() => lines.some((line) => line.includes('not restarting it')));
    await new Promise((resolve) => setTimeout(resolve, 200)); // several restart delays
    expect(starts).toEqual(['persons']);
    expect(journal(path)).toEqual(['persons:start', 'persons:exit']);
  });

  it('stops the gateway first, then the subgraphs, and reports their exit codes', async () => {
    const path = journalFile('order');
    const { supervisor, start } = setUp(path);
    await Promise.all([start('persons', 'clean'), start('biometrics', 'clean')]);
    await start('gateway', 'clean', true);
    const report = await supervisor.stop();
    expect(report).toEqual({ exits: { gateway: 0, persons: 0, biometrics: 0 }, clean: true });
    const events = journal(path).filter((line) => !line.endsWith(':start'));
    expect(events.slice(0, 2)).toEqual(['gateway:term', 'gateway:exit']);
    expect(events.slice(2).sort()).toEqual(['biometrics:exit', 'biometrics:term', 'persons:exit', 'persons:term']);
  });

  it('kills a child that does not stop in time, and says the stop was not clean', async () => {
    const path = journalFile('stubborn');
    const { supervisor, start } = setUp(path, 200);
    await start('persons', 'stubborn');
    expect(await supervisor.stop()).toEqual({ exits: { persons: null }, clean: false });
    expect(journal(path)).toEqual(['persons:start', 'persons:term']);
  });
});
