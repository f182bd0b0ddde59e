/**
 * A closed-loop load generator: `connections` workers, each sending the next request as soon as
 * the previous answer arrives, over keep-alive connections, for a fixed duration. Bounded in time
 * and only ever aimed at 127.0.0.1.
 */
import { Pool } from 'undici';

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  /** Seconds the load ran. */
  elapsed: number;
  /** Every request's latency, ms, sorted (for merging rounds). */
  latencies: number[];
}

/** One request a worker sends; with several, worker i sends the (i mod n)-th (say, one person per window). */
export interface LoadRequest {
  body: string;
  headers: Record<string, string>;
}

export async function runLoad(url: string, requests: readonly LoadRequest[], options: { connections: number; seconds: number }): Promise<LoadResult> {
  if (requests.length === 0) throw new Error('no request to send');
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error('the benchmark only targets 127.0.0.1');
  const pool = new Pool(target.origin, { connections: options.connections, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const deadline = performance.now() + options.seconds * 1000;
  const worker = async (_: unknown, index: number) => {
    const { body, headers } = requests[index % requests.length]!;
    while (performance.now() < deadline) {
      const started = performance.now();
      const response = await pool.request({ path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const text = await response.body.text();
      if (response.statusCode !== 200 || text.includes('"errors"')) {
        errors += 1;
        firstError ??= text.slice(0, 300);
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  if (firstError) process.stderr.write(`first error from ${url}: ${firstError}\n`);
  return { requests: latencies.length, errors, rps: Math.round(latencies.length / elapsed), p50: at(0.5), p99: at(0.99), elapsed, latencies };
}
