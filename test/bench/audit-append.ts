/**
 * The CPU one audited list costs a subgraph in its audit trail, alone: the queue's shape (one
 * append of N people's rows, one INSERT) or the window's (one row per append, appends of several
 * requests sharing INSERTs), through the same code the subgraphs run, on a fresh migrated
 * database. Reports the process's CPU per append (user + system, from process.cpuUsage: signing,
 * hashing, building and sending the INSERT), the CPU of the PostgreSQL backends serving its
 * database per append (postgres-cpu.ts: parsing, the rows' input, the chain trigger) and the wall time.
 * To A/B a change to the audit path, copy this file into the other checkout and run it there too.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/bench/audit-append.ts [--rows 50] [--appends 400] [--together 1]
 *
 * It needs a PostgreSQL server to create its database on (dropped at the end).
 */
import { generateKeyPairSync } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Viewer } from '../../schema/identity/viewer.ts';
import { createAuditTrail } from '../../subgraphs/shared/audit/audit-trail.ts';
import { createAuditSigner } from '../../subgraphs/shared/audit/row-signature.ts';
import { identitySource } from '../../db/seed-scale/identities.ts';
import postgres from 'postgres';
import { openDatabase } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { backendCpu, backendCpuSpent } from './postgres-cpu.ts';

const { values: flags } = parseArgs({
  options: {
    rows: { type: 'string', default: '50' },
    appends: { type: 'string', default: '400' },
    /** Appends started at once (the window's concurrent requests share statements). */
    together: { type: 'string', default: '1' },
  },
});
const rows = Number(flags.rows);
const appends = Number(flags.appends);
const together = Number(flags.together);

const staff: Viewer = { subject: 'staff-1', roles: ['CONSULATE_STAFF'], curp: null, consulateId: 'CON-LAX', employerRegistrations: [], bankId: null, subdelegation: null };
const signer = createAuditSigner(generateKeyPairSync('ed25519').privateKey);
const identities = identitySource(17, new Set());
const people = Array.from({ length: rows * together }, (_, i) => identities.identity(i).curp);
const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!adminUrl) throw new Error('set TEST_DATABASE_URL to a PostgreSQL server the bench may create a database on');
const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
const dbName = `imss_audit_bench_${Date.now().toString(36)}`;
await admin.unsafe(`create database "${dbName}"`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
await runMigrations(url.toString());
const database = openDatabase(url.toString(), { name: 'audit-append-bench' });
try {
  let request = 0;
  const batch = (offset: number) =>
    Promise.all(
      Array.from({ length: together }, (_, j) =>
        createAuditTrail({ database, subgraph: 'appointments', viewer: staff, purpose: 'QUEUE', requestId: `r${++request}`, signer, exceptionReason: 'bench' }).append(
          people.slice((offset + j) * rows, (offset + j + 1) * rows).map((subjectCurp) => ({ action: 'READ' as const, subjectCurp, what: 'Appointment', fields: ['status', 'service'] })),
        ),
      ),
    );
  const run = async (count: number) => {
    for (let i = 0; i < count; i += together) await batch(0);
  };
  await run(Math.min(100, appends)); // warm-up: JIT, the pool, the prepared statements
  const backendsBefore = await backendCpu(admin, dbName);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await run(appends);
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const postgresMicrosPerAppend = Math.round(backendCpuSpent(backendsBefore, await backendCpu(admin, dbName)) / appends);
  const perAppendUs = (cpu.user + cpu.system) / appends;
  console.log(JSON.stringify({ rows, appends, together, cpuMicrosPerAppend: Math.round(perAppendUs), cpuMicrosPerRow: Math.round((perAppendUs / rows) * 10) / 10, postgresMicrosPerAppend, wallMsPerAppend: Math.round((wallMs / appends) * 100) / 100 }));
} finally {
  await database.close();
  await admin.unsafe(`drop database "${dbName}" with (force)`);
  await admin.end();
}
