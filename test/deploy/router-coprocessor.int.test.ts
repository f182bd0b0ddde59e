/**
 * The Apollo Router coprocessor (gateway/peers/router-coprocessor.ts), called over HTTP exactly as
 * the Router calls it (protocol version 1; the fields router.yaml asks for: headers, serviceName,
 * subgraphRequestId; `method` always comes), then the headers it returns sent to a real subgraph
 * of the seeded test system. No Router runs here: it cannot be downloaded on this machine.
 */
import { afterAll, describe, expect } from 'vitest';
import { createClientTokenVerifier } from '../../gateway/auth/client-token.ts';
import { startRouterCoprocessor, type CoprocessorResponse, type RunningCoprocessor } from '../../gateway/peers/router-coprocessor.ts';
import { createIdentitySigner } from '../../schema/identity/gateway-token.ts';
import { createCaseVerifier } from '../../gateway/case-verification.ts';
import { createKeepAliveFetcher } from '../../gateway/fetcher.ts';
import { openCase } from '../support/cases.ts';
import { logger } from '../../schema/runtime/logger.ts';
import { systemTest as it } from '../support/fixtures.ts';
import type { SeededSystem } from '../support/seeded-system.ts';

const PURPOSE = 'NSS_ASSISTANCE:window-3';

describe('the Apollo Router coprocessor', () => {
  let coprocessor: RunningCoprocessor;
  let system: SeededSystem;

  const http = createKeepAliveFetcher(5_000);
  afterAll(async () => {
    await coprocessor?.close();
    await http.close();
  });

  async function ensureStarted(s: SeededSystem) {
    system = s;
    const identitySigner = createIdentitySigner({ privateKey: s.keys.gatewaySigningKey });
    const cases = createCaseVerifier({ appointmentsUrl: s.subgraphs.appointments.http.url, fetcher: http.withTimeout(5_000), signer: identitySigner });
    coprocessor ??= await startRouterCoprocessor({ clientTokens: createClientTokenVerifier(s.keys.client), identitySigner, cases, log: logger }, { port: 0 });
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

  it('signs an identity token for the subgraph, keeps the declared purpose and the verified case, and removes the client’s credentials', async ({ system: s }) => {
    await ensureStarted(s);
    const token = await s.token('CONSULATE_STAFF');
    const caseId = await openCase(s.db.database, { curp: s.insuredCurp, office: 'CON-LAX', procedure: 'NSS_ASSISTANCE', now: s.now() });
    const { status, body } = await call(subgraphRequest('persons', { authorization: [`Bearer ${token}`], 'x-access-purpose': [PURPOSE], 'x-access-case': [caseId], cookie: ['session=1'], 'x-imss-identity': ['forged'] }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: 1, stage: 'SubgraphRequest', id: '1b19c05fdafc521016df33148ad63c1b', subgraphRequestId: 'b5964998b2394b64a864ef802fb5a4b3', control: 'continue' });
    expect(Object.keys(body.headers!).sort()).toEqual(['accept', 'content-type', 'x-imss-identity', 'x-request-id']);
    expect(body.headers!['x-imss-identity']![0]).not.toBe('forged');

    const answer = await toSubgraph('persons', body.headers, 'query($c: Curp!) { person(curp: $c) { curp nss } }', { c: s.insuredCurp });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.person).toMatchObject({ curp: s.insuredCurp, nss: expect.stringMatching(/^\d{11}$/) });
    // The purpose and the case travelled inside the token: the read is audited with both.
    const [audited] = await s.db.database.sql<{ purpose: string; case_id: string }[]>`select purpose, case_id from audit.access_events where subject_curp = ${s.insuredCurp} and actor_role = 'CONSULATE_STAFF' order by seq desc limit 1`;
    expect(audited).toEqual({ purpose: PURPOSE, case_id: caseId });
  });

  it('breaks as our gateway does on staff’s grounds: 403 for a case at another office, 400 for a case and an exception together', async ({ system: s }) => {
    await ensureStarted(s);
    const token = await s.token('CONSULATE_STAFF');
    const elsewhere = await openCase(s.db.database, { curp: s.pensionerCurp, office: 'CON-CHI', procedure: 'PROOF_OF_LIFE', now: s.now() });
    const refused = await call(subgraphRequest('persons', { authorization: [`Bearer ${token}`], 'x-access-purpose': ['PROOF_OF_LIFE:window-1'], 'x-access-case': [elsewhere] }));
    expect(refused.body.control).toEqual({ break: 403 });
    expect(refused.body.body).toMatchObject({ errors: [{ extensions: { code: 'CASE_NOT_VERIFIED' } }] });
    const both = await call(subgraphRequest('persons', { authorization: [`Bearer ${token}`], 'x-access-purpose': [PURPOSE], 'x-access-case': [elsewhere], 'x-access-exception': ['Relative with power of attorney at the window'] }));
    expect(both.body.control).toEqual({ break: 400 });
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
    const bad = await call(subgraphRequest('persons', { authorization: [`Bearer ${token}`], 'x-access-purpose': ['x'.repeat(201)] }));
    expect(bad.body.control).toEqual({ break: 400 });
  });

  it('passes other stages through and refuses what is not the protocol', async ({ system: s }) => {
    await ensureStarted(s);
    const other = await call({ version: 1, stage: 'SupergraphResponse', id: 's1', headers: {} });
    expect(other.body).toEqual({ version: 1, stage: 'SupergraphResponse', id: 's1', control: 'continue' });
    expect((await call({ version: 2, stage: 'SubgraphRequest', id: 'x' })).status).toBe(400);
    expect((await fetch(new URL('/healthz', coprocessor.url))).status).toBe(200);
  });
});
