/**
 * Hive Gateway with the IMSS identity plugin (gateway/peers/hive-gateway-plugin.ts), JS planner and
 * Rust planner, in front of the same real subgraphs (over HTTP) as our gateway: the same operations
 * give the same data and the same error codes for every role, staff on a verified case with their
 * purpose included; what reaches a subgraph carries our identity token and no client credential.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect } from 'vitest';
import { request } from 'undici';
import { startHiveGateway, type HivePlanner, type RunningHiveGateway } from '../../gateway/peers/hive-gateway.ts';
import { logger } from '../../schema/runtime/logger.ts';
import { SUBGRAPH_NAMES, SUPERGRAPH_PATH } from '../../schema/subgraphs.ts';
import type { Role } from '../../schema/identity/viewer.ts';
import { systemTest as it } from '../support/fixtures.ts';
import { openCase } from '../support/cases.ts';
import type { SeededSystem } from '../support/seeded-system.ts';

interface Call {
  role: Role | 'ANONYMOUS';
  query: string;
  variables?: Record<string, unknown>;
  purpose?: string;
  caseId?: string;
  exception?: string;
  token?: string;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  data: unknown;
  codes: string[];
}

const PLANNERS: HivePlanner[] = ['js', 'rust'];

describe('Hive Gateway with the IMSS identity plugin', () => {
  const hives = new Map<HivePlanner, RunningHiveGateway>();
  let recorder: { url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> } | undefined;

  afterAll(async () => {
    for (const hive of hives.values()) await hive.close();
    await recorder?.close();
  });

  /** A pass-through in front of persons that keeps the headers of every request reaching it. */
  async function recordingPersons(system: SeededSystem) {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
        request(system.subgraphs.persons.http.url, { method: 'POST', headers, body: Buffer.concat(chunks) }).then(async (upstream) => {
          res.writeHead(upstream.statusCode, { 'content-type': 'application/json' });
          res.end(await upstream.body.text());
        }, () => res.destroy());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/graphql`, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  async function hive(system: SeededSystem, planner: HivePlanner): Promise<RunningHiveGateway> {
    recorder ??= await recordingPersons(system);
    let running = hives.get(planner);
    if (!running) {
      const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, system.subgraphs[name].http.url]));
      running = await startHiveGateway(
        { supergraphPath: SUPERGRAPH_PATH, planner, subgraphUrls: { ...subgraphUrls, persons: recorder.url }, keys: { signingKey: system.keys.gatewaySigningKey, client: system.keys.client }, log: logger },
        { port: 0 },
      );
      hives.set(planner, running);
    }
    return running;
  }

  async function send(system: SeededSystem, url: string, call: Call): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    const token = call.token ?? (call.role === 'ANONYMOUS' ? null : await system.token(call.role));
    if (token) headers.authorization = `Bearer ${token}`;
    if (call.purpose) headers['x-access-purpose'] = call.purpose;
    if (call.caseId) headers['x-access-case'] = call.caseId;
    if (call.exception) headers['x-access-exception'] = call.exception;
    Object.assign(headers, call.headers);
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: call.query, variables: call.variables ?? {} }) });
    const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    return { status: response.status, data: body.data ?? null, codes: (body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE').sort() };
  }

  /** The answer of our gateway and of both Hive planners to the same call. */
  async function everywhere(system: SeededSystem, call: Call) {
    const ours = await send(system, system.gateway.url, call);
    const peers = Object.fromEntries(await Promise.all(PLANNERS.map(async (planner) => [planner, await send(system, (await hive(system, planner)).url, call)] as const)));
    return { ours, peers };
  }

  const calls = (s: SeededSystem, cases: { window: string; desk: string }): Array<[string, Call]> => [
    ['INSURED: me across the four subgraphs', { role: 'INSURED', query: `{ me { curp nss clinic { name } enrollments { kind startDate } coverage { status validUntil } appointments { startsAt status } biometricStatus { enrolledModalities consentInForce } } }` }],
    ['CONSULATE_STAFF: the person at the window, on their case', { role: 'CONSULATE_STAFF', purpose: 'VOLUNTARY_ENROLLMENT:window-3', caseId: cases.window, query: `query($c: Curp!) { person(curp: $c) { nss maskedName enrollments { kind startDate } appointments { service status } } }`, variables: { c: s.insuredCurp } }],
    ['CONSULATE_STAFF: today’s queue (no purpose)', { role: 'CONSULATE_STAFF', query: `{ office(id: "CON-LAX") { queue { id service status person { curp } } } }` }],
    ['CONSULATE_STAFF: someone else than the case’s person', { role: 'CONSULATE_STAFF', purpose: 'VOLUNTARY_ENROLLMENT:window-3', caseId: cases.window, query: `query($c: Curp!) { person(curp: $c) { nss } }`, variables: { c: s.pensionerCurp } }],
    ['IMSS_OFFICER: the desk view with biometric status, on their case', { role: 'IMSS_OFFICER', purpose: 'BIOMETRIC_CAPTURE:desk-2', caseId: cases.desk, query: `query($c: Curp!) { person(curp: $c) { nss enrollments { kind } appointments { service } biometricStatus { enrolledModalities consentInForce } } }`, variables: { c: s.insuredCurp } }],
    ['IMSS_OFFICER: by a declared exception', { role: 'IMSS_OFFICER', purpose: 'BIOMETRIC_CAPTURE:desk-2', exception: 'Complaint review requested by the delegation', query: `query($c: Curp!) { person(curp: $c) { biometricStatus { consentInForce } } }`, variables: { c: s.pensionerCurp } }],
    ['EMPLOYER: its workers’ enrollments', { role: 'EMPLOYER', query: `{ employerEnrollments { employerRegistration kind startDate person { curp } } }` }],
    ['BANK: public offices, and no person data', { role: 'BANK', query: `query($c: Curp!) { offices(country: "US") { id } person(curp: $c) { nss } }`, variables: { c: s.insuredCurp } }],
    ['ANALYST: enrollment statistics', { role: 'ANALYST', query: `{ enrollmentStatistics { kind count suppressed } }` }],
    ['ANONYMOUS: public data only', { role: 'ANONYMOUS', query: `{ offices(country: "US", city: "los angeles") { id name } me { curp } }` }],
  ];

  /** What the call must give (through every gateway) for the comparison to mean anything. */
  const expectations: Record<string, (answer: Answer) => void> = {
    INSURED: (a) => expect(a.data).toMatchObject({ me: { curp: expect.any(String), coverage: { status: expect.any(String) }, biometricStatus: { enrolledModalities: expect.any(Array) } } }),
    'CONSULATE_STAFF window': (a) => expect(a.data).toMatchObject({ person: { nss: expect.stringMatching(/^\d{11}$/), enrollments: expect.any(Array) } }),
    'CONSULATE_STAFF queue': (a) => expect((a.data as { office: { queue: unknown[] } }).office.queue.length).toBeGreaterThan(0),
    'CONSULATE_STAFF other': (a) => expect(a.codes).toEqual(['CASE_REQUIRED']),
    'IMSS_OFFICER desk': (a) => expect(a.data).toMatchObject({ person: { biometricStatus: { consentInForce: expect.any(Boolean) } } }),
    'IMSS_OFFICER exception': (a) => expect(a.data).toMatchObject({ person: { biometricStatus: expect.any(Object) } }),
    EMPLOYER: (a) => expect((a.data as { employerEnrollments: unknown[] }).employerEnrollments.length).toBeGreaterThan(0),
    BANK: (a) => {
      expect((a.data as { offices: unknown[] }).offices.length).toBeGreaterThan(0);
      expect(a.codes).toEqual(['FORBIDDEN']);
    },
    ANALYST: (a) => expect((a.data as { enrollmentStatistics: unknown[] }).enrollmentStatistics.length).toBeGreaterThan(0),
    ANONYMOUS: (a) => expect(a.codes).toEqual(['FORBIDDEN']),
  };

  it('gives the same data and error codes as our gateway for every role, with both planners', async ({ system }) => {
    const cases = {
      window: await openCase(system.db.database, { curp: system.insuredCurp, office: 'CON-LAX', procedure: 'VOLUNTARY_ENROLLMENT', now: system.now() }),
      desk: await openCase(system.db.database, { curp: system.insuredCurp, office: 'IMSS-01', procedure: 'BIOMETRIC_CAPTURE', now: system.now() }),
    };
    const list = calls(system, cases);
    expect(new Set(list.map(([, call]) => call.role))).toEqual(new Set(['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER', 'EMPLOYER', 'BANK', 'ANALYST', 'ANONYMOUS']));
    for (const [name, call] of list) {
      const { ours, peers } = await everywhere(system, call);
      const expectation = Object.entries(expectations).find(([key]) => name.startsWith(key.split(' ')[0]!) && (key.split(' ')[1] === undefined || name.toLowerCase().includes(EXPECTATION_WORDS[key]!)));
      expect(expectation, name).toBeDefined();
      expectation![1](ours);
      for (const planner of PLANNERS) expect(peers[planner], `${name} (${planner} planner)`).toEqual(ours);
    }
  });

  it('signs the identity for each subgraph and passes no client credential on', async ({ system }) => {
    const before = (recorder ??= await recordingPersons(system)).seen.length;
    const caseId = await openCase(system.db.database, { curp: system.insuredCurp, office: 'CON-LAX', procedure: 'VOLUNTARY_ENROLLMENT', now: system.now() });
    const url = (await hive(system, 'rust')).url;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await system.token('CONSULATE_STAFF')}`,
        cookie: 'session=1',
        'x-access-purpose': 'VOLUNTARY_ENROLLMENT:window-3',
        'x-access-case': caseId,
        'x-imss-identity': 'forged',
      },
      body: JSON.stringify({ query: 'query($c: Curp!) { person(curp: $c) { nss enrollments { kind } } }', variables: { c: system.insuredCurp } }),
    });
    const body = (await response.json()) as { data?: { person?: { nss?: string } } };
    expect(body.data?.person?.nss).toMatch(/^\d{11}$/);
    const reached = recorder.seen.slice(before);
    expect(reached.length).toBeGreaterThan(0);
    for (const headers of reached) {
      expect(headers['x-imss-identity']).toMatch(/^ey/);
      for (const name of ['authorization', 'cookie', 'x-access-purpose', 'x-access-case', 'x-access-exception']) expect(headers[name], name).toBeUndefined();
    }
    // The purpose and the verified case travelled inside the token: the read is audited with both.
    const [audited] = await system.db.database.sql<{ purpose: string; case_id: string | null }[]>`
      select purpose, case_id from audit.access_events where subject_curp = ${system.insuredCurp} and actor_role = 'CONSULATE_STAFF' order by seq desc limit 1`;
    expect(audited).toEqual({ purpose: 'VOLUNTARY_ENROLLMENT:window-3', case_id: caseId });
  });

  it("carries a bank's Idempotency-Key signed: a payment through either planner is recorded once and its retry replayed", async ({ system }) => {
    const employerToken = await system.token('EMPLOYER', { claims: { employer_registrations: ['F1234567101'] } });
    const issue = 'mutation($i: IssueEmployerPaymentReferenceInput!) { issueEmployerPaymentReference(input: $i) { reference amountCentavos } }';
    const pay = 'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { replayed payment { id } } }';
    const now = system.now();
    for (const [index, planner] of PLANNERS.entries()) {
      // One obligation per planner: last month's and the month before's cuotas of a registration no seed row uses.
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - index, 1)).toISOString().slice(0, 7);
      const issued = await send(system, system.gateway.url, { role: 'EMPLOYER', token: employerToken, query: issue, variables: { i: { employerRegistration: 'F1234567101', period: month, amountCentavos: 1_000_000 + index } } });
      expect(issued.codes, `${planner}: ${month}`).toEqual([]);
      const { reference, amountCentavos } = (issued.data as { issueEmployerPaymentReference: { reference: string; amountCentavos: number } }).issueEmployerPaymentReference;
      const url = (await hive(system, planner)).url;
      const call: Call = { role: 'BANK', query: pay, variables: { i: { reference, amountCentavos, paidAt: now.toISOString() } }, headers: { 'idempotency-key': `hive-${planner}-${month}` } };
      const first = await send(system, url, call);
      const retry = await send(system, url, call);
      expect(first, planner).toMatchObject({ status: 200, codes: [], data: { recordPayment: { replayed: false } } });
      expect(retry.data, planner).toEqual({ recordPayment: { replayed: true, payment: (first.data as { recordPayment: { payment: unknown } }).recordPayment.payment } });
      const withoutKey = await send(system, url, { ...call, headers: {} });
      expect(withoutKey.codes, planner).toEqual(['IDEMPOTENCY_KEY_REQUIRED']);
    }
  });

  it('refuses as our gateway does: an invalid token (401 with a challenge), a malformed purpose, a case at another office', async ({ system }) => {
    const caseElsewhere = await openCase(system.db.database, { curp: system.pensionerCurp, office: 'CON-CHI', procedure: 'PROOF_OF_LIFE', now: system.now() });
    for (const planner of PLANNERS) {
      const url = (await hive(system, planner)).url;
      const expired = await send(system, url, { role: 'INSURED', token: await system.token('INSURED', { expiresInSeconds: -120 }), query: '{ me { curp } }' });
      expect(expired).toMatchObject({ status: 401, data: null, codes: ['UNAUTHENTICATED'] });
      const challenge = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-jwt' }, body: '{"query":"{ me { curp } }"}' });
      expect(challenge.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      const malformed = await send(system, url, { role: 'CONSULATE_STAFF', purpose: 'x'.repeat(201), query: '{ me { curp } }' });
      expect(malformed.status).toBe(400);
      const elsewhere: Call = { role: 'CONSULATE_STAFF', purpose: 'PROOF_OF_LIFE:window-1', caseId: caseElsewhere, query: 'query($c: Curp!) { person(curp: $c) { nss } }', variables: { c: system.pensionerCurp } };
      const [ours, peer] = [await send(system, system.gateway.url, elsewhere), await send(system, url, elsewhere)];
      expect(ours.codes).toEqual(['CASE_NOT_VERIFIED']);
      expect(peer).toEqual(ours);
    }
  });
});

const EXPECTATION_WORDS: Record<string, string> = {
  'CONSULATE_STAFF window': 'window',
  'CONSULATE_STAFF queue': 'queue',
  'CONSULATE_STAFF other': 'someone else',
  'IMSS_OFFICER desk': 'desk',
  'IMSS_OFFICER exception': 'exception',
};
