/**
 * Trusted documents through the gateway over HTTP (docs/security.md, "Trusted documents"): in
 * production a BANK token runs only the partner operations registered in the manifest, by hash
 * (`documentId` or Apollo's persistedQuery extension); an unknown hash is refused for everyone;
 * other roles run free-form queries as before and may use the hashes too.
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordPaymentDocument, ReferenceValuesDocument, type RecordPaymentMutationVariables } from '../../schema/operations/partners/__generated__/graphql.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';

/** The id a partner's typed client carries with each document (graphql-codegen's client preset). */
const idOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;
const REFERENCE_VALUES_ID = idOf(ReferenceValuesDocument);
const FREE_FORM = '{ referenceValues(date: "2026-03-02") { date uma { dailyCentavos } } }';
const UNKNOWN_ID = `sha256:${'0'.repeat(64)}`;

describe('trusted documents in production', () => {
  let system: SeededSystem;

  beforeAll(async () => {
    system = await startSeededSystem({ env: { NODE_ENV: 'production', PARTNER_QUOTAS: JSON.stringify({ 'BANK-TD': { requests: 100 } }) } });
  });
  afterAll(() => system?.close());

  const bankToken = () => system.token('BANK', { subject: 'trusted-docs-bank', claims: { bank_id: 'BANK-TD' } });
  const post = async (body: unknown, token: string | null, headers: Record<string, string> = {}) =>
    system.post(system.gateway.url, body, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
  const usage = async () => {
    const res = await fetch(new URL('/partners/quota', system.gateway.url), { headers: { authorization: `Bearer ${await bankToken()}` } });
    return ((await res.json()) as { quotas: { requests: { used: number }; payments: { used: number } } }).quotas;
  };
  const usedRequests = async () => (await usage()).requests.used;

  const refusals = async () => {
    const text = await (await fetch(new URL('/metrics', system.gateway.url))).text();
    const line = text.split('\n').find((l) => l.startsWith('imss_refusals_total{') && l.includes('reason="trusted_document"') && l.includes('caller="user"'));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  it('refuses a free-form query from a bank with PERSISTED_DOCUMENT_REQUIRED, counts the refusal, and uses no quota', async () => {
    const before = await usedRequests();
    const refusedBefore = await refusals();
    const res = await post({ query: FREE_FORM }, await bankToken(), { 'accept-language': 'en' });
    expect(res.status).toBe(403);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED' } });
    expect(res.errors?.[0]?.message).toBe('This role may run only registered operations: send a documentId from the partner operations manifest');
    const spanish = await post({ query: FREE_FORM }, await bankToken());
    expect(spanish.errors?.[0]?.message).toBe('Este perfil solo puede ejecutar operaciones registradas: envíe un documentId del manifiesto de operaciones para socios.');
    expect(await usedRequests()).toBe(before);
    expect(await refusals()).toBe(refusedBefore + 2);
  });

  it("runs a registered operation by documentId or by Apollo's persistedQuery hash", async () => {
    const variables = { date: '2026-03-02' };
    const byDocumentId = await post({ documentId: REFERENCE_VALUES_ID, variables }, await bankToken());
    expect(byDocumentId.status).toBe(200);
    expect(byDocumentId.errors).toBeUndefined();
    expect(byDocumentId.data).toMatchObject({ referenceValues: { date: '2026-03-02', uma: { dailyCentavos: expect.any(Number) } } });
    const hex = REFERENCE_VALUES_ID.replace('sha256:', '');
    const byApollo = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hex } }, variables }, await bankToken());
    expect(byApollo.status).toBe(200);
    expect(byApollo.data).toEqual(byDocumentId.data);
    // The bare hex is a documentId too, and counts against the bank's quota like any request.
    const before = await usedRequests();
    expect((await post({ documentId: hex, variables }, await bankToken())).data).toEqual(byDocumentId.data);
    expect(await usedRequests()).toBe(before + 1);
  });

  it('counts a registered payment operation against the payment quota', async () => {
    const before = await usage();
    const variables: RecordPaymentMutationVariables = { input: { reference: '0000-0000-0000-0000-0000-0000-0000', amountCentavos: 100, paidAt: '2026-03-02T10:00:00-06:00' } };
    const res = await post({ documentId: idOf(RecordPaymentDocument), variables }, await bankToken(), { 'idempotency-key': 'trusted-documents-payment' });
    expect(res.errors?.[0]?.extensions?.code).not.toBe('PERSISTED_DOCUMENT_REQUIRED');
    // One request and one payment; reading the usage report uses no quota.
    const after = await usage();
    expect([after.requests.used, after.payments.used]).toEqual([before.requests.used + 1, before.payments.used + 1]);
  });

  it('accepts the registered text sent with its hash, refuses another text under it', async () => {
    const registered = print(ReferenceValuesDocument);
    const manifestText = (await import('../../schema/operations/partners/__generated__/persisted-documents.json', { with: { type: 'json' } })).default[REFERENCE_VALUES_ID as never] as string;
    const same = await post({ documentId: REFERENCE_VALUES_ID, query: manifestText, variables: { date: '2026-03-02' } }, await bankToken());
    expect(same.status).toBe(200);
    const other = await post({ documentId: REFERENCE_VALUES_ID, query: registered.replace('annualCentavos', ''), variables: { date: '2026-03-02' } }, await bankToken(), { 'accept-language': 'en' });
    expect(other.status).toBe(400);
    expect(other.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_MISMATCH');
  });

  it('refuses an unknown hash with PERSISTED_DOCUMENT_NOT_FOUND, for every role, and never learns one', async () => {
    for (const token of [await bankToken(), await system.token('ANALYST'), null]) {
      const res = await post({ documentId: UNKNOWN_ID }, token, { 'accept-language': 'en' });
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
      expect(res.errors?.[0]?.message).toBe(`No registered document has the id '${'0'.repeat(64)}'`);
    }
    // Apollo's automatic persisted queries would register a query sent with its hash: they are off.
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(FREE_FORM).digest('hex');
    const analyst = await system.token('ANALYST');
    const registering = await post({ query: FREE_FORM, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, analyst);
    expect(registering.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    const bank = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, await bankToken());
    expect(bank.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
  });

  it('leaves other roles free to send queries, and to use the hashes', async () => {
    for (const role of ['ANALYST', 'INSURED', 'EMPLOYER', 'IMSS_OFFICER'] as const) {
      const token = await system.token(role);
      const free = await post({ query: FREE_FORM }, token);
      expect(free.status, role).toBe(200);
      expect(free.data, role).toMatchObject({ referenceValues: { date: '2026-03-02' } });
      const byId = await post({ documentId: REFERENCE_VALUES_ID, variables: { date: '2026-03-02' } }, token);
      expect(byId.status, role).toBe(200);
    }
    expect((await post({ query: FREE_FORM }, null)).status).toBe(200);
  });
});

describe('trusted documents when not enforced', () => {
  let system: SeededSystem;
  beforeAll(async () => {
    system = await startSeededSystem({ env: { TRUSTED_DOCUMENTS_ROLES: 'BANK,ANALYST', TRUSTED_DOCUMENTS_ENFORCED: 'false' } });
  });
  afterAll(() => system?.close());

  it('lets a bank send free-form queries in development (not enforced), hashes still resolved', async () => {
    const bank = await system.token('BANK');
    expect((await system.post(system.gateway.url, { query: FREE_FORM }, { authorization: `Bearer ${bank}` })).status).toBe(200);
    const byId = await system.post(system.gateway.url, { documentId: REFERENCE_VALUES_ID, variables: { date: '2026-03-02' } }, { authorization: `Bearer ${bank}` });
    expect(byId.data).toMatchObject({ referenceValues: { date: '2026-03-02' } });
  });
});

describe('trusted documents for configured roles', () => {
  let system: SeededSystem;
  beforeAll(async () => {
    system = await startSeededSystem({ env: { TRUSTED_DOCUMENTS_ROLES: 'ANALYST', TRUSTED_DOCUMENTS_ENFORCED: 'true' } });
  });
  afterAll(() => system?.close());

  it('restricts the roles configured, and only those', async () => {
    const analyst = await system.post(system.gateway.url, { query: FREE_FORM }, { authorization: `Bearer ${await system.token('ANALYST')}` });
    expect(analyst.status).toBe(403);
    expect(analyst.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    const bank = await system.post(system.gateway.url, { query: FREE_FORM }, { authorization: `Bearer ${await system.token('BANK')}` });
    expect(bank.status).toBe(200);
  });
});
