/**
 * The drain every process runs on SIGTERM (schema/runtime/graceful-shutdown.ts), step by step on
 * the shared HTTP server with a resolver the test holds open: in-flight requests finish, new
 * connections are refused, open keep-alive connections are answered (readiness 503) and told to
 * close, idle ones are closed after the grace, and what is still open at the deadline is cut.
 */
import { connect } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { Client } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startGraphQLHttpServer, type RunningHttpServer } from '../../schema/runtime/http-server.ts';

interface Held {
  server: RunningHttpServer;
  /** Resolves when the `slow` resolver has been entered. */
  entered: Promise<void>;
  release(): void;
}

async function serverWithHeldResolver(): Promise<Held> {
  let release!: () => void;
  let markEntered!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const entered = new Promise<void>((resolve) => (markEntered = resolve));
  const apollo = new ApolloServer({
    typeDefs: 'type Query { slow: String fast: String }',
    resolvers: {
      Query: {
        slow: async () => {
          markEntered();
          await gate;
          return 'done';
        },
        fast: () => 'ok',
      },
    },
  });
  await apollo.start();
  const server = await startGraphQLHttpServer({ apollo, context: async () => ({}), ready: async () => ({ ok: true }) }, { port: 0 });
  return { server, entered, release };
}

const clients: Client[] = [];
const servers: Held[] = [];
afterEach(async () => {
  for (const held of servers.splice(0)) {
    held.release();
    await held.server.close({ deadlineMs: 1_000 });
  }
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
});

/** One keep-alive connection, opened and idle. */
async function openConnection(server: RunningHttpServer): Promise<Client> {
  const client = new Client(new URL(server.url).origin);
  clients.push(client);
  const warm = await client.request({ path: '/healthz', method: 'GET' });
  await warm.body.text();
  return client;
}

function graphql(client: Client, query: string) {
  return client.request({ path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
}

function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('draining the HTTP server', () => {
  it('finishes the request in flight, refuses new connections and answers open ones with Connection: close', async () => {
    const held = await serverWithHeldResolver();
    servers.push(held);
    const busy = await openConnection(held.server);
    const idleForProbe = await openConnection(held.server);
    const idleForQuery = await openConnection(held.server);
    const inFlight = graphql(busy, '{ slow }');
    await held.entered;

    const drained = held.server.close({ idleGraceMs: 30_000, deadlineMs: 30_000 });
    expect(await refused(held.server.port)).toBe('ECONNREFUSED');

    const probe = await idleForProbe.request({ path: '/readyz', method: 'GET' });
    expect(probe.statusCode).toBe(503);
    expect(probe.headers.connection).toBe('close');
    expect(await probe.body.json()).toEqual({ status: 'shutting down' });

    const late = await graphql(idleForQuery, '{ fast }');
    expect(late.statusCode).toBe(200);
    expect(late.headers.connection).toBe('close');
    expect(await late.body.json()).toEqual({ data: { fast: 'ok' } });

    held.release();
    const answered = await inFlight;
    expect(answered.statusCode).toBe(200);
    expect(answered.headers.connection).toBe('close');
    expect(await answered.body.json()).toEqual({ data: { slow: 'done' } });
    expect(await drained).toEqual({ forced: 0 });
  });

  it('closes connections left idle once the grace is over, without waiting for the deadline', async () => {
    const held = await serverWithHeldResolver();
    servers.push(held);
    await Promise.all([1, 2].map(() => openConnection(held.server)));
    expect(await held.server.close({ idleGraceMs: 50, deadlineMs: 60_000 })).toEqual({ forced: 0 });
  });

  it('cuts what is still open at the deadline, and says how many connections it cut', async () => {
    const held = await serverWithHeldResolver();
    servers.push(held);
    const busy = await openConnection(held.server);
    const stuck = graphql(busy, '{ slow }').then(
      () => 'answered',
      (error: { code?: string }) => error.code ?? 'failed',
    );
    await held.entered;
    expect(await held.server.close({ idleGraceMs: 0, deadlineMs: 100 })).toEqual({ forced: 1 });
    expect(await stuck).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
  });
});
