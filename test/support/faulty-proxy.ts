/**
 * An HTTP proxy in front of a subgraph that misbehaves on demand, for the gateway's resilience
 * tests: it passes requests on, hangs (never answers), resets the connection, holds each request
 * until the test releases it, answers with a given status, or dies (every connection cut, nothing
 * listening any more). It counts the requests that reached it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

export type ProxyMode = { kind: 'pass' } | { kind: 'hang' } | { kind: 'reset' } | { kind: 'hold' } | { kind: 'status'; status: number; body: string };

export interface FaultyProxy {
  url: string;
  /** The subgraph behind it (set once it runs). */
  target: string;
  mode: ProxyMode;
  /** Requests that reached the proxy so far. */
  readonly received: number;
  /** Resolves once `count` requests in total have reached the proxy. */
  receivedAtLeast(count: number): Promise<void>;
  /** Passes every held request on. */
  releaseHeld(): void;
  /** Cuts every connection and stops listening: connections are refused from now on. */
  die(): void;
  close(): Promise<void>;
}

export async function faultyProxy(): Promise<FaultyProxy> {
  let received = 0;
  let waiters: Array<{ count: number; resolve: () => void }> = [];
  let held: Array<() => void> = [];

  const forward = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
    try {
      const upstream = await request(`${new URL(proxy.target).origin}${req.url}`, { method: 'POST', headers, body });
      const text = await upstream.body.text();
      res.writeHead(upstream.statusCode, { 'content-type': String(upstream.headers['content-type'] ?? 'application/json') });
      res.end(text);
    } catch {
      res.destroy();
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received += 1;
      for (const waiter of waiters.filter((w) => received >= w.count)) waiter.resolve();
      waiters = waiters.filter((w) => received < w.count);
      const body = Buffer.concat(chunks);
      const mode = proxy.mode;
      if (mode.kind === 'pass') void forward(req, res, body);
      else if (mode.kind === 'hold') held.push(() => void forward(req, res, body));
      else if (mode.kind === 'reset') req.socket.destroy();
      else if (mode.kind === 'status') {
        res.writeHead(mode.status, { 'content-type': 'application/json' });
        res.end(mode.body);
      }
      // hang: never answer
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const proxy: FaultyProxy = {
    url: `http://127.0.0.1:${port}/graphql`,
    target: '',
    mode: { kind: 'pass' },
    get received() {
      return received;
    },
    receivedAtLeast: (count) => (received >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    releaseHeld() {
      const release = held;
      held = [];
      for (const go of release) go();
    },
    die() {
      server.close();
      server.closeAllConnections();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        if (!server.listening) return resolve();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
