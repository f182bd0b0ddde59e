/**
 * Partner quotas through the gateway over HTTP (docs/operations.md, "Partner quotas"): requests
 * and payments per bank and calendar month in Mexico City, 429 QUOTA_EXCEEDED past them, counters
 * per bank, a new month starting from zero (the gateway's clock is injected), the usage report per
 * role, and the refusals in the gateway's metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisQuotaStore } from '../../gateway/partners/quota-store.ts';
import { startTestSystem, type GraphQLResponse, type TestSystem } from '../support/system.ts';

/** 2026-03-31 23:50 in Mexico City (UTC-6 all year since 2022): ten minutes before April. */
const END_OF_MARCH = new Date('2026-04-01T05:50:00Z');
const APRIL_FIRST = new Date('2026-04-01T06:00:00Z');

const PING = '{ __typename }';
const PAYMENT = 'input: { reference: "0000-0000-0000-0000-0000-0000-0000", amountCentavos: 100, paidAt: "2026-03-31T23:00:00-06:00" }';
const PAY = `mutation Pay { recordPayment(${PAYMENT}) { replayed } }`;
const PAY_THROUGH_FRAGMENT = `mutation PayAgain { ...Paying } fragment Paying on Mutation { recordPayment(${PAYMENT}) { replayed } }`;

const STORES: Array<{ store: string; env: Record<string, string> }> = [{ store: 'memory', env: {} }, ...(process.env.TEST_REDIS_URL ? [{ store: 'Redis', env: { REDIS_URL: process.env.TEST_REDIS_URL } }] : [])];

describe.each(STORES)('partner quotas, counted in $store', ({ env }) => {
  let system: TestSystem;
  let clock = END_OF_MARCH;

  beforeAll(async () => {
    system = await startTestSystem({
      gatewayNow: () => clock,
      env: {
        ...env,
        PARTNER_QUOTAS: JSON.stringify({ 'BANK-REQ': { requests: 3 }, 'BANK-PAY': { payments: 2 }, 'BANK-MONTH': { requests: 2 }, 'BANK-OTHER': { requests: 3 } }),
        PARTNER_QUOTA_REQUESTS_PER_MONTH: '1000',
        PARTNER_QUOTA_PAYMENTS_PER_MONTH: '50',
        QUOTA_REDIS_PREFIX: `quota-test-${process.pid}-${Date.now()}:`,
        RATE_LIMIT_PER_MINUTE: '100000',
      },
    });
  });
  afterAll(() => system?.close());

  const bank = (bankId: string) => system.token('BANK', { subject: `bank-user-${bankId}`, claims: { bank_id: bankId } });
  let keys = 0;
  const asBank = async (bankId: string, query: string, headers: Record<string, string> = {}) =>
    system.query(query, {}, { token: await bank(bankId), headers: { 'idempotency-key': `quota-test-${++keys}`, ...headers } });

  async function report(token: string | null, query = '', headers: Record<string, string> = {}) {
    const response = await fetch(new URL(`/partners/quota${query}`, system.gateway.url), { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
  }

  /** The sum of the samples of `name` carrying every label given (Prometheus text format). */
  async function metric(name: string, labels: Record<string, string>): Promise<number> {
    const text = await (await fetch(new URL('/metrics', system.gateway.url))).text();
    let sum = 0;
    for (const line of text.split('\n')) {
      const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
      if (!match || match[1] !== name) continue;
      const found = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      if (Object.entries(labels).every(([k, v]) => found[k] === v)) sum += Number(match[3]);
    }
    return sum;
  }

  it("refuses a bank's requests past its monthly quota with 429 QUOTA_EXCEEDED, the quota and its reset; another bank keeps its own", async () => {
    const refusedBefore = await metric('imss_quota_refusals_total', { quota: 'requests' });
    const statuses: number[] = [];
    let last: GraphQLResponse | undefined;
    for (let i = 0; i < 5; i++) {
      last = await asBank('BANK-REQ', PING, { 'accept-language': 'en' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(last!.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', quota: 'requests', limit: 3, month: '2026-03', resetsAt: '2026-04-01T06:00:00.000Z', retryAfterSeconds: 600 });
    expect(last!.errors?.[0]?.message).toBe('Monthly request quota of 3 used up; it resets at 2026-04-01T06:00:00.000Z');
    expect(last!.headers.get('retry-after')).toBe('600');
    // In Spanish by default.
    const spanish = await asBank('BANK-REQ', PING);
    expect(spanish.errors?.[0]?.message).toBe('Se agotó la cuota mensual de 3 solicitudes de su convenio; se renueva el 2026-04-01T06:00:00.000Z (hora UTC).');

    const other = await asBank('BANK-OTHER', PING);
    expect(other.status).toBe(200);
    expect((await report(await bank('BANK-OTHER'))).body.quotas.requests).toEqual({ limit: 3, used: 1, remaining: 2 });
    // Refusals are not counted as use: the report says 3 of 3, not 6.
    expect((await report(await bank('BANK-REQ'))).body.quotas.requests).toEqual({ limit: 3, used: 3, remaining: 0 });

    expect(await metric('imss_quota_refusals_total', { quota: 'requests' })).toBe(refusedBefore + 3);
    expect(await metric('imss_refusals_total', { reason: 'quota', caller: 'user' })).toBeGreaterThanOrEqual(3);
  });

  it('counts payments on their own quota, through fragments too, before any subgraph is called; other requests go on', async () => {
    const refusedBefore = await metric('imss_quota_refusals_total', { quota: 'payments' });
    const calls = await metric('imss_subgraph_requests_total', { subgraph: 'enrollments' });
    const first = await asBank('BANK-PAY', PAY);
    const second = await asBank('BANK-PAY', PAY_THROUGH_FRAGMENT);
    // Admitted by the quota and sent to enrollments (which refuses the made-up reference).
    for (const admitted of [first, second]) expect(admitted.errors?.[0]?.extensions?.code).not.toBe('QUOTA_EXCEEDED');
    expect((await metric('imss_subgraph_requests_total', { subgraph: 'enrollments' })) - calls).toBe(2);
    const third = await asBank('BANK-PAY', PAY_THROUGH_FRAGMENT, { 'accept-language': 'en' });
    expect(third.status).toBe(429);
    expect(third.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', quota: 'payments', limit: 2 });
    expect(third.errors?.[0]?.message).toMatch(/^Monthly payment quota of 2 used up/);
    // The refused payment reached no subgraph.
    expect((await metric('imss_subgraph_requests_total', { subgraph: 'enrollments' })) - calls).toBe(2);
    // Queries are no payments: the bank goes on reading.
    expect((await asBank('BANK-PAY', PING)).status).toBe(200);
    expect((await report(await bank('BANK-PAY'))).body.quotas).toEqual({ requests: { limit: 1000, used: 4, remaining: 996 }, payments: { limit: 2, used: 2, remaining: 0 } });
    expect(await metric('imss_quota_refusals_total', { quota: 'payments' })).toBe(refusedBefore + 1);
  });

  it('starts every month from zero at midnight in Mexico City', async () => {
    expect((await asBank('BANK-MONTH', PING)).status).toBe(200);
    expect((await asBank('BANK-MONTH', PING)).status).toBe(200);
    expect((await asBank('BANK-MONTH', PING)).status).toBe(429);
    clock = new Date(APRIL_FIRST.getTime() - 1);
    expect((await asBank('BANK-MONTH', PING)).status).toBe(429);
    clock = APRIL_FIRST;
    expect((await asBank('BANK-MONTH', PING)).status).toBe(200);
    const april = await report(await bank('BANK-MONTH'));
    expect(april.body).toEqual({
      bankId: 'BANK-MONTH',
      month: '2026-04',
      timeZone: 'America/Mexico_City',
      resetsAt: '2026-05-01T06:00:00.000Z',
      quotas: { requests: { limit: 2, used: 1, remaining: 1 }, payments: { limit: 50, used: 0, remaining: 50 } },
    });
    clock = END_OF_MARCH;
  });

  it('leaves callers without a bank out of the quotas', async () => {
    const analyst = await system.token('ANALYST', { subject: 'quota-analyst' });
    for (let i = 0; i < 5; i++) expect((await system.query(PING, {}, { token: analyst })).status).toBe(200);
  });

  it("reports usage to the bank itself and to IMSS officers for any bank; refuses everyone else", async () => {
    await asBank('BANK-OTHER', PING);
    const own = await report(await bank('BANK-OTHER'));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ bankId: 'BANK-OTHER', month: '2026-03', quotas: { requests: { limit: 3 } } });
    expect((await report(await bank('BANK-OTHER'), '?bankId=BANK-OTHER')).status).toBe(200);

    const another = await report(await bank('BANK-OTHER'), '?bankId=BANK-REQ', { 'accept-language': 'en' });
    expect(another.status).toBe(403);
    expect(another.body.errors[0]).toMatchObject({ message: 'Not permitted', extensions: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(another.body)).not.toMatch(/used/);

    const officer = await system.token('IMSS_OFFICER');
    const read = await report(officer, '?bankId=BANK-REQ');
    expect(read.status).toBe(200);
    expect(read.body.quotas.requests).toEqual({ limit: 3, used: 3, remaining: 0 });
    const unnamed = await report(officer);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors[0].extensions.code).toBe('QUOTA_BANK_REQUIRED');
    expect((await report(officer, '?bankId=' + encodeURIComponent('BANK 1; DROP'))).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    for (const role of ['INSURED', 'EMPLOYER', 'ANALYST', 'CONSULATE_STAFF'] as const) {
      const refused = await report(await system.token(role), '?bankId=BANK-REQ');
      expect(refused.status, role).toBe(403);
      expect(refused.body.errors[0].extensions.code, role).toBe('FORBIDDEN');
      expect(refused.body.errors[0].message, role).toBe('Su perfil no tiene permiso para esta operación.');
    }
    const anonymous = await report(null, '?bankId=BANK-REQ');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const badToken = await report('not-a-token');
    expect(badToken.status).toBe(401);
    expect((await fetch(new URL('/partners/quota', system.gateway.url), { method: 'POST' })).status).toBe(405);
  });
});

describe.runIf(process.env.TEST_REDIS_URL)('partner quota counters shared through Redis', () => {
  it('two replicas count against one quota and never admit past it, racing or not', async () => {
    const prefix = `quota-test-${process.pid}-${Date.now()}:`;
    const a = createRedisQuotaStore(process.env.TEST_REDIS_URL!, prefix);
    const b = createRedisQuotaStore(process.env.TEST_REDIS_URL!, prefix);
    const takes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).take('BANK-R:2026-03:payments', 5, 60_000)));
    expect(takes.filter((t) => t.allowed)).toHaveLength(5);
    expect(await a.read('BANK-R:2026-03:payments')).toBe(5);
    expect(await b.read('BANK-R:2026-04:payments')).toBe(0);
    await a.close();
    await b.close();
  });

  it('falls back to memory counters when Redis is unreachable', async () => {
    const errors: unknown[] = [];
    const store = createRedisQuotaStore('redis://127.0.0.1:1', 'quota:', (e) => errors.push(e));
    const takes = [await store.take('k', 1, 1000), await store.take('k', 1, 1000)];
    expect(takes.map((t) => t.allowed)).toEqual([true, false]);
    expect(errors.length).toBeGreaterThan(0);
    await store.close().catch(() => undefined);
  });
});
