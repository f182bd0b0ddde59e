/**
 * The Apollo Router coprocessor (gateway/peers/router-coprocessor.ts), called over HTTP exactly as
 * the Router calls it (protocol version 1; the fields router.yaml asks for: headers, serviceName,
 * subgraphRequestId; `method` always comes), then the headers it returns sent to a real subgraph
 * of the seeded test system. No Router runs here: it cannot be downloaded on this machine.
 */
import { afterAll, describe, expect } from 'vitest';
import { createClientTokenVerifier } from '../../gateway/auth/client-token.ts';
import { DEV_SCOPES } from '../../gateway/auth/dev-tokens.ts';
import { createCaseVerifier } from '../../gateway/case-verification.ts';
import { createKeepAliveFetcher, type KeepAliveFetcher } from '../../gateway/fetcher.ts';
import { createCoprocessorHandler, startRouterCoprocessor, type CoprocessorResponse, type RunningCoprocessor } from '../../gateway/peers/router-coprocessor.ts';
import { createIdentitySigner } from '../../schema/identity/gateway-token.ts';
import { logger } from '../../schema/runtime/logger.ts';
import { officeOfClaims, openCase, procedureOf } from '../support/cases.ts';
import { systemTest as it } from '../support/fixtures.ts';
import type { SeededSystem } from '../support/seeded-system.ts';

/** A catalogued procedure (schema/identity/procedures.ts): anything else is PURPOSE_INVALID. */
const PURPOSE = 'NSS_ASSISTANCE:window-3';
const PERSON = 'query($c: Curp!) { person(curp: $c) { curp nss } }';

describe('the Apollo Router coprocessor', () => {
  let coprocessor: RunningCoprocessor;
  let http: KeepAliveFetcher;
  let system: SeededSystem;

  afterAll(async () => {
    await coprocessor?.close();
    await http?.close();
  });

  async function ensureStarted(s: SeededSystem) {
    system = s;
    if (coprocessor) return;
    // Wired as router-coprocessor-start.ts wires it: cases verified with the system's appointments subgraph.
    const identitySigner = createIdentitySigner({ privateKey: s.keys.gatewaySigningKey });
    http = createKeepAliveFetcher(5_000);
    const cases = createCaseVerifier({ appointmentsUrl: s.subgraphs.appointments.http.url, fetcher: http.withTimeout(5_000), signer: identitySigner });
    coprocessor = await startRouterCoprocessor({ clientTokens: createClientTokenVerifier(s.keys.client), identitySigner, cases, log: logger }, { port: 0 });
  }

  /** An open case of the seeded insured person at the dev consulate staff's office, for PURPOSE. */
  async function insuredCase(s: SeededSystem): Promise<string> {
    return openCase(s.db.database, { curp: s.insuredCurp, office: officeOfClaims({ consulate_id: DEV_SCOPES.consulateId }), procedure: procedureOf(PURPOSE), now: s.now() });
  }

  /** POSTs a coprocessor request as the Router does (JSON body, one call per stage). */
  async function call(payload: Record<string, unknown>): Promise<{ status: number; body: CoprocessorResponse }> {
    const response = await fetch(coprocessor.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    return { status: response.status, body: (await response.json()) as CoprocessorResponse };
  }

  function subgraphRequest(serviceName: string, headers: Record<string, string[]>) {
    return {
      version: 1,
      stage: 'SubgraphRequest',
      control: 'continue',
      id: '1b19c05fdafc521016df33148ad63c1b',
      subgraphRequestId: 'b5964998b2394b64a864ef802fb5a4b3',
      headers: { 'content-type': ['application/json'], accept: ['application/json'], ...headers },
      method: 'POST',
      serviceName,
    };
  }

  /** Sends a subgraph the request the Router would, with the headers the coprocessor returned. */
  async function toSubgraph(name: keyof SeededSystem['subgraphs'], headers: Record<string, string[]> | undefined, query: string, variables: Record<string, unknown> = {}) {
    const flat = Object.fromEntries(Object.entries(headers ?? {}).map(([key, values]) => [key, values.join(', ')]));
    const response = await fetch(system.subgraphs[name].http.url, { method: 'POST', headers: flat, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as { data?: Record<string, any> | null; errors?: Array<{ extensions?: { code?: string } }> } };
  }

  it('signs an identity token for the subgraph, keeps the declared purpose, and removes the client’s credentials', async ({ system: s }) => {
    await ensureStarted(s);
    const token = await s.token('CONSULATE_STAFF');
    const caseId = await insuredCase(s);
    const { status, body } = await call(
      subgraphRequest('persons', { authorization: [`Bearer ${token}`], 'x-access-purpose': [PURPOSE], 'x-access-case': [caseId], cookie: ['session=1'], 'x-imss-identity': ['forged'] }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: 1, stage: 'SubgraphRequest', id: '1b19c05fdafc521016df33148ad63c1b', subgraphRequestId: 'b5964998b2394b64a864ef802fb5a4b3', control: 'continue' });
    expect(Object.keys(body.headers!).sort()).toEqual(['accept', 'content-type', 'x-imss-identity', 'x-request-id']);
    expect(body.headers!['x-imss-identity']![0]).not.toBe('forged');

    const answer = await toSubgraph('persons', body.headers, PERSON, { c: s.insuredCurp });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.person).toMatchObject({ curp: s.insuredCurp, nss: expect.stringMatching(/^\d{11}$/) });
    // The purpose and the verified case travelled inside the token: the read is audited with both.
    const [audited] = await s.db.database.sql<{ purpose: string; case_id: string | null }[]>`
      select purpose, case_id from audit.access_events where subject_curp = ${s.insuredCurp} and actor_role = 'CONSULATE_STAFF' order by seq desc limit 1`;
    expect(audited).toEqual({ purpose: PURPOSE, case_id: caseId });
  });

  it('without a case or an exception, staff get CASE_REQUIRED from the subgraph, as through our gateway', async ({ system: s }) => {
    await ensureStarted(s);
    const { body } = await call(subgraphRequest('persons', { authorization: [`Bearer ${await s.token('CONSULATE_STAFF')}`], 'x-access-purpose': [PURPOSE] }));
    const answer = await toSubgraph('persons', body.headers, PERSON, { c: s.insuredCurp });
    expect(answer.body.data?.person ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('CASE_REQUIRED');
  });

  it('signs a declared exception into the token, and the subgraph audits the reason', async ({ system: s }) => {
    await ensureStarted(s);
    const reason = 'Familiar de pensionado hospitalizado, sin cita — folio 4711';
    const { body } = await call(subgraphRequest('persons', { authorization: [`Bearer ${await s.token('CONSULATE_STAFF')}`], 'x-access-purpose': [PURPOSE], 'x-access-exception': [reason] }));
    expect(body.control).toBe('continue');
    expect(Object.keys(body.headers!)).not.toContain('x-access-exception');
    const answer = await toSubgraph('persons', body.headers, PERSON, { c: s.insuredCurp });
    expect(answer.body.data!.person).toMatchObject({ curp: s.insuredCurp });
    const [audited] = await s.db.database.sql<{ exception_reason: string | null; case_id: string | null }[]>`
      select exception_reason, case_id from audit.access_events where subject_curp = ${s.insuredCurp} and actor_role = 'CONSULATE_STAFF' order by seq desc limit 1`;
    expect(audited).toEqual({ exception_reason: reason, case_id: null });
  });

  it('breaks the request at the router stage on a case that does not verify, and on malformed grounds', async ({ system: s }) => {
    await ensureStarted(s);
    const token = await s.token('CONSULATE_STAFF');
    const routerRequest = (headers: Record<string, string[]>) => ({ version: 1, stage: 'RouterRequest', control: 'continue', id: 'r3', headers: { authorization: [`Bearer ${token}`], ...headers } });

    // Another office's appointment, or none: the appointments subgraph does not show it to this staff member.
    const unknown = await call(routerRequest({ 'x-access-purpose': [PURPOSE], 'x-access-case': ['00000000-0000-4000-8000-000000000000'] }));
    expect(unknown.body.control).toEqual({ break: 403 });
    expect(JSON.parse(unknown.body.body as string).errors[0].extensions).toEqual({ code: 'CASE_NOT_VERIFIED', reason: 'CASE_NOT_FOUND' });

    // A case for another procedure than the one declared.
    const caseId = await insuredCase(s);
    const otherProcedure = await call(routerRequest({ 'x-access-purpose': ['PROOF_OF_LIFE'], 'x-access-case': [caseId] }));
    expect(otherProcedure.body.control).toEqual({ break: 403 });
    expect(JSON.parse(otherProcedure.body.body as string).errors[0].extensions.reason).toBe('CASE_OTHER_PROCEDURE');

    const malformed: Record<string, string[]>[] = [
      { 'x-access-purpose': [PURPOSE], 'x-access-case': [caseId], 'x-access-exception': ['a reason long enough'] },
      { 'x-access-case': [caseId] },
      { 'x-access-purpose': [PURPOSE], 'x-access-exception': ['short'] },
      { 'x-access-purpose': [PURPOSE], 'x-access-exception': ['hidden\u202etext reason'] },
    ];
    for (const headers of malformed) {
      const refused = await call(routerRequest(headers));
      expect(refused.body.control).toEqual({ break: 400 });
      expect(JSON.parse(refused.body.body as string).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }

    // Appointments unreachable: 503, never "open by default".
    const unreachable = createCoprocessorHandler({
      clientTokens: createClientTokenVerifier(s.keys.client),
      identitySigner: createIdentitySigner({ privateKey: s.keys.gatewaySigningKey }),
      cases: createCaseVerifier({ appointmentsUrl: 'http://127.0.0.1:1/graphql', fetcher: http.withTimeout(1_000), signer: createIdentitySigner({ privateKey: s.keys.gatewaySigningKey }) }),
      log: logger,
    });
    const down = await unreachable(routerRequest({ 'x-access-purpose': [PURPOSE], 'x-access-case': [caseId] }));
    expect(down.control).toEqual({ break: 503 });
    expect(JSON.parse(down.body as string).errors[0].extensions).toEqual({ code: 'CASE_NOT_VERIFIED', reason: 'CASE_UNVERIFIABLE' });

    // Grounds from a caller who is not staff grant nothing and are not refused (as our gateway does).
    const insured = await call(subgraphRequest('persons', { authorization: [`Bearer ${await s.token('INSURED')}`], 'x-access-case': [caseId] }));
    expect(insured.body.control).toBe('continue');
    expect(Object.keys(insured.body.headers!)).not.toContain('x-access-case');
  });

  it('carries an insured person’s own scope: me is their record', async ({ system: s }) => {
    await ensureStarted(s);
    const { body } = await call(subgraphRequest('persons', { authorization: [`Bearer ${await s.token('INSURED')}`] }));
    const answer = await toSubgraph('persons', body.headers, '{ me { curp } }');
    expect(answer.body.data!.me).toEqual({ curp: s.insuredCurp });
  });

  it('signs for anonymous callers too, so public reference data works through the Router', async ({ system: s }) => {
    await ensureStarted(s);
    const { body } = await call(subgraphRequest('persons', {}));
    expect(body.control).toBe('continue');
    const clinics = await toSubgraph('persons', body.headers, '{ clinics { number } }');
    expect(clinics.body.data!.clinics.length).toBeGreaterThan(0);
    const me = await toSubgraph('persons', body.headers, '{ me { curp } }');
    expect(me.body.data?.me ?? null).toBeNull();
  });

  it('signs for the serviceName only: the token is refused by any other subgraph', async ({ system: s }) => {
    await ensureStarted(s);
    const { body } = await call(subgraphRequest('enrollments', { authorization: [`Bearer ${await s.token('INSURED')}`] }));
    const answer = await toSubgraph('persons', body.headers, '{ me { curp } }');
    expect(answer.status).toBe(401);
  });

  it('breaks with 401 on an invalid token, at the subgraph stage and at the router stage', async ({ system: s }) => {
    await ensureStarted(s);
    const expired = await s.token('INSURED', { expiresInSeconds: -120 });
    const subgraph = await call(subgraphRequest('persons', { authorization: [`Bearer ${expired}`] }));
    expect(subgraph.body.control).toEqual({ break: 401 });
    expect(subgraph.body.headers).toBeUndefined();
    expect(subgraph.body.body).toEqual({ errors: [{ message: 'Invalid or expired token', extensions: { code: 'UNAUTHENTICATED' } }] });

    const router = await call({ version: 1, stage: 'RouterRequest', control: 'continue', id: 'r1', headers: { authorization: ['Bearer not-a-jwt'] }, method: 'POST', path: '/' });
    expect(router.body.control).toEqual({ break: 401 });
    expect(JSON.parse(router.body.body as string).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(router.body.headers).toMatchObject({ 'www-authenticate': ['Bearer error="invalid_token"'] });
  });

  it('lets a valid client request through the router stage unchanged, and breaks with 400 on a malformed purpose', async ({ system: s }) => {
    await ensureStarted(s);
    const token = await s.token('IMSS_OFFICER');
    const ok = await call({ version: 1, stage: 'RouterRequest', control: 'continue', id: 'r2', headers: { authorization: [`Bearer ${token}`], 'x-access-purpose': [PURPOSE] } });
    expect(ok.body).toEqual({ version: 1, stage: 'RouterRequest', id: 'r2', control: 'continue' });
    for (const purpose of ['x'.repeat(201), 'NSS_ASSIGNMENT:window-3']) {
      const bad = await call(subgraphRequest('persons', { authorization: [`Bearer ${token}`], 'x-access-purpose': [purpose] }));
      expect(bad.body.control).toEqual({ break: 400 });
      // The code our gateway gives (gateway/server.ts), so clients handle both the same way.
      expect(bad.body.body).toMatchObject({ errors: [{ extensions: { code: 'PURPOSE_INVALID' } }] });
    }
  });

  it('passes other stages through and refuses what is not the protocol', async ({ system: s }) => {
    await ensureStarted(s);
    const other = await call({ version: 1, stage: 'SupergraphResponse', id: 's1', headers: {} });
    expect(other.body).toEqual({ version: 1, stage: 'SupergraphResponse', id: 's1', control: 'continue' });
    expect((await call({ version: 2, stage: 'SubgraphRequest', id: 'x' })).status).toBe(400);
    expect((await fetch(new URL('/healthz', coprocessor.url))).status).toBe(200);
  });
});
