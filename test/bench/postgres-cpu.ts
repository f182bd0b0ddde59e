/**
 * CPU time of the PostgreSQL backends serving one database, read from /proc (the server runs on
 * this machine: the one at 127.0.0.1 or the embedded one). The window view and the queue are bound
 * by the subgraphs and PostgreSQL on the shared cores; this column measures the second part instead
 * of guessing it. Backends are listed at each reading (pg_stat_activity), so a connection opened
 * during a round counts from zero and one closed during it is lost: the pools stay open through a
 * round (idle timeout 30 s), so the loss is small and it can only undercount.
 */
import { readFileSync } from 'node:fs';
import type postgres from 'postgres';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export type BackendCpu = ReadonlyMap<number, number>;

/** µs of CPU (user + system) per backend pid of `database`; empty where /proc cannot be read. */
export async function backendCpu(admin: postgres.Sql, database: string): Promise<BackendCpu> {
  const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database}`;
  const byPid = new Map<number, number>();
  for (const { pid } of rows) {
    const micros = processCpuMicros(pid);
    if (micros !== null) byPid.set(pid, micros);
  }
  return byPid;
}

/** CPU spent between two readings by the backends alive at the second. */
export function backendCpuSpent(before: BackendCpu, after: BackendCpu): number {
  let spent = 0;
  for (const [pid, micros] of after) spent += micros - (before.get(pid) ?? 0);
  return spent;
}

function processCpuMicros(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return Number.isFinite(ticks) ? (ticks / TICKS_PER_SECOND) * 1_000_000 : null;
  } catch {
    return null; // not Linux, or the backend ended between the listing and the reading
  }
}
