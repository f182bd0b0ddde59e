/**
 * The system talks only to the hosts it is configured with. @apollo/gateway, left alone, sends
 * usage telemetry to Apollo and probes cloud metadata servers; every outgoing connection of a whole
 * test system (start, a query across all subgraphs, shutdown) must go to the loopback interface.
 */
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';

describe('outbound connections', () => {
  const destinations: string[] = [];
  const connect = Socket.prototype.connect;
  let system: SeededSystem;

  beforeAll(async () => {
    Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
      // Node calls connect with normalised arguments: [options, callback] in one array.
      const raw = Array.isArray(args[0]) ? args[0][0] : args[0];
      const first = raw as { host?: string; path?: string; port?: number } | number | string;
      destinations.push(typeof first === 'object' && first !== null ? (first.path ? 'unix-socket' : (first.host ?? 'localhost')) : String(args[1] ?? 'localhost'));
      return (connect as (...a: unknown[]) => Socket).apply(this, args);
    } as typeof connect;
    system = await startSeededSystem();
  });
  afterAll(async () => {
    await system?.close();
    Socket.prototype.connect = connect;
  });

  it('go to the loopback interface only', async () => {
    const res = await system.query(`{ me { curp enrollments { kind } appointments { id } biometricStatus { consentInForce } } }`, {}, { token: await system.token('INSURED') });
    expect(res.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1500)); // give a background exporter its chance
    expect(destinations.length).toBeGreaterThan(0);
    expect(destinations.filter((host) => !['127.0.0.1', 'localhost', '::1', 'unix-socket'].includes(host))).toEqual([]);
  });
});
