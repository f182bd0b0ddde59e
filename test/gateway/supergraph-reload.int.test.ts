/**
 * Supergraph reload (docs/operations.md, "Supergraph"): the gateway reads its supergraph from
 * SUPERGRAPH_PATH or SUPERGRAPH_URL and picks up a change without a restart, while a request
 * under way finishes on the supergraph it started with; a supergraph that cannot be loaded or
 * built leaves the previous one serving, and the log says why.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supergraphSource } from '../../gateway/supergraph-source.ts';
import { SUPERGRAPH_PATH } from '../../schema/subgraphs.ts';
import { faultyProxy, type FaultyProxy } from '../support/faulty-proxy.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';

const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
const CONSULATES = /^ {2}consulates: \[Office!\]! @join__field\(graph: APPOINTMENTS\).*\n/m;
/** The committed supergraph without Query.consulates. */
const withoutConsulates = committed.replace(CONSULATES, '');
/** Parses, but names a subgraph the supergraph does not have: it cannot be built. */
const unbuildable = committed.replace(CONSULATES, (line) => line.replace('graph: APPOINTMENTS', 'graph: NOWHERE'));

const until = async <T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the gateway picks up a changed supergraph file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imss-supergraph-'));
  const path = join(dir, 'supergraph.graphql');
  let proxy: FaultyProxy;
  let system: SeededSystem;
  const consulates = () => system.query<{ consulates: unknown[] }>(`{ consulates { id } }`);
  const offices = () => system.query<{ offices: unknown[] }>(`{ offices { id } }`);

  beforeAll(async () => {
    expect(withoutConsulates).not.toBe(committed);
    writeFileSync(path, committed);
    proxy = await faultyProxy();
    system = await startSeededSystem({
      env: { SUPERGRAPH_PATH: path, SUPERGRAPH_POLL_INTERVAL_MS: '100', APPOINTMENTS_URL: proxy.url, RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000' },
    });
    proxy.target = system.subgraphs.appointments.http.url;
  });
  afterAll(async () => {
    await system?.close();
    await proxy?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the new one without dropping the request under way', async () => {
    proxy.mode = { kind: 'hold' };
    const before = proxy.received;
    const inFlight = consulates();
    await proxy.receivedAtLeast(before + 1);

    writeFileSync(path, withoutConsulates);
    proxy.mode = { kind: 'pass' };
    const refused = await until(consulates, (r) => r.status === 400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await offices()).data?.offices.length).toBeGreaterThan(0);

    proxy.releaseHeld();
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(finished.errors).toBeUndefined();
    expect(finished.data?.consulates.length).toBeGreaterThan(0);
  });

  it('keeps the previous one when the new one cannot be built or read, and takes the next good one', async () => {
    for (const broken of [unbuildable, 'type Query {', '']) {
      writeFileSync(path, broken);
      await pause(400); // several polls
      expect((await consulates()).status).toBe(400); // still the supergraph without consulates
      expect((await offices()).status).toBe(200);
    }
    rmSync(path);
    await pause(400);
    expect((await offices()).status).toBe(200);

    writeFileSync(path, committed);
    const back = await until(consulates, (r) => r.status === 200);
    expect(back.data?.consulates.length).toBeGreaterThan(0);
  });
});

describe('supergraph source', () => {
  function capture() {
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString())), done()) }));
    return { log, lines };
  }

  it('polls a URL: serves a change, and says why it keeps the previous one', async () => {
    let body = 'v1';
    let status = 200;
    const server = createServer((_req, res) => {
      res.writeHead(status);
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/supergraph.graphql`;
    const { log, lines } = capture();
    const updates: string[] = [];
    const manager = supergraphSource({ path: '/nonexistent', url, pollIntervalMs: 30, log });
    const { supergraphSdl, cleanup } = await manager.initialize({
      update: (sdl) => {
        if (sdl.startsWith('bad')) throw new Error(`not a supergraph: ${sdl}`);
        updates.push(sdl);
      },
      healthCheck: async () => undefined,
      getDataSource: () => {
        throw new Error('unused');
      },
    });
    expect(supergraphSdl).toBe('v1');

    body = 'v2';
    await until(async () => updates, (u) => u.includes('v2'));
    body = 'bad one';
    await until(async () => lines, (l) => l.some((line) => String(line.reason).includes('not a supergraph: bad one')));
    status = 503;
    await until(async () => lines, (l) => l.some((line) => line.reason === 'cannot load: HTTP 503'));
    await pause(200);
    // Each problem is told once, however many polls see it.
    expect(lines.filter((line) => String(line.reason).includes('not a supergraph')).length).toBe(1);
    expect(lines.filter((line) => line.reason === 'cannot load: HTTP 503').length).toBe(1);
    expect(updates).toEqual(['v2']);
    await cleanup?.();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses to start without a supergraph', async () => {
    const { log } = capture();
    const manager = supergraphSource({ path: join(tmpdir(), 'no-such-supergraph.graphql'), pollIntervalMs: 1_000, log });
    await expect(
      manager.initialize({ update: () => undefined, healthCheck: async () => undefined, getDataSource: () => { throw new Error('unused'); } }),
    ).rejects.toThrow(/ENOENT/);
  });
});
