/**
 * Draining an HTTP server without losing a request (docs/operations.md, "Shutdown"):
 *
 * 1. stop listening: new connections are refused (the load balancer or the gateway's pool goes to
 *    another replica);
 * 2. every response still to be written carries `Connection: close`, so a keep-alive client learns
 *    from its answer that this connection ends, instead of finding it reset under its next request;
 * 3. a connection idle when the drain starts may still bring one last request during `idleGraceMs`
 *    (answered, with `Connection: close`); after that, idle connections are closed;
 * 4. at `deadlineMs`, whatever is still open is cut, and the result says how many were.
 *
 * Node's own `server.close()` closes idle keep-alive connections at once (since Node 19): a client
 * that had just written a request on one gets a reset socket (UND_ERR_SOCKET in undici). Hence the
 * listening socket is closed with net.Server's close, and idle connections only after the grace.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

export interface DrainOptions {
  /** Longest wait for in-flight requests before the remaining connections are cut. @default 25_000 */
  deadlineMs?: number;
  /**
   * How long a connection idle at the start may still bring a last request. The signal handler
   * (shutdown.ts) passes SHUTDOWN_IDLE_GRACE_MS; a programmatic close (tests) closes idle ones at once.
   * @default 0
   */
  idleGraceMs?: number;
}

export interface DrainResult {
  /** Connections still open at the deadline, cut (each may have held a request). 0 when clean. */
  forced: number;
}

export interface ConnectionDrainer {
  /** True from the start of the drain: readiness answers 503. */
  readonly draining: boolean;
  /** Requests received and not yet answered. */
  inFlight(): number;
  /** Drains once; later calls return the same promise. */
  drain(options?: DrainOptions): Promise<DrainResult>;
}

export const DEFAULT_DRAIN = Object.freeze({ deadlineMs: 25_000, idleGraceMs: 0 });

/** Tracks the connections and responses of `server`; call before it starts listening. */
export function trackConnections(server: Server): ConnectionDrainer {
  const sockets = new Set<Socket>();
  const responses = new Set<ServerResponse>();
  let draining = false;
  let drained: Promise<DrainResult> | null = null;

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Before the application's listener, so that even a request arriving during the drain is told.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    responses.add(res);
    res.once('close', () => responses.delete(res));
    if (draining) res.setHeader('connection', 'close');
  });

  async function drain(options: DrainOptions): Promise<DrainResult> {
    const deadlineMs = options.deadlineMs ?? DEFAULT_DRAIN.deadlineMs;
    const idleGraceMs = options.idleGraceMs ?? DEFAULT_DRAIN.idleGraceMs;
    draining = true;
    if (server.listening) NetServer.prototype.close.call(server);
    for (const res of responses) if (!res.headersSent) res.setHeader('connection', 'close');

    const timers: NodeJS.Timeout[] = [];
    const allClosed = new Promise<void>((resolve) => {
      const check = () => (sockets.size === 0 ? resolve() : undefined);
      for (const socket of sockets) socket.once('close', () => setImmediate(check));
      check();
    });
    const after = (ms: number) => new Promise<void>((resolve) => timers.push(setTimeout(resolve, ms)));

    // Idle connections: closed once the grace is over (Node knows which have a request under way).
    void Promise.race([allClosed, after(idleGraceMs)]).then(() => server.closeIdleConnections());
    const timedOut = await Promise.race([allClosed.then(() => false), after(deadlineMs).then(() => true)]);
    for (const timer of timers) clearTimeout(timer);
    if (!timedOut) return { forced: 0 };
    const forced = sockets.size;
    server.closeAllConnections();
    for (const socket of sockets) socket.destroy();
    return { forced };
  }

  return {
    get draining() {
      return draining;
    },
    inFlight: () => responses.size,
    drain(options = {}) {
      drained ??= drain(options);
      return drained;
    },
  };
}
