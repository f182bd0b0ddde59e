/**
 * Observability of the whole system (docs/operations.md): one trace from the caller's traceparent
 * through the gateway, each subgraph fetch and each subgraph to its SQL statements; Prometheus
 * metrics on the gateway and on every subgraph; errors in the caller's language.
 */
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER } from '../../schema/identity/gateway-token.ts';
import { startTracing, type Tracing } from '../../schema/runtime/telemetry.ts';
import { gatewayTokenFor, identityFor } from '../support/gateway-token.ts';
import { gql } from '../support/graphql.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';
const MY_RECORD = gql`query MyRecord { me { curp nss enrollments { kind } } }`;
const STAFF_READ = gql`query StaffRead($c: Curp!) { person(curp: $c) { nss } }`;

describe('observability', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let system: SeededSystem;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'imss-test', exporter });
    system = await startSeededSystem({ env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2' } });
  });
  afterAll(async () => {
    await system?.close();
    await tracing?.shutdown();
  });

  const metricsOf = async (graphqlUrl: string) => (await fetch(new URL('/metrics', graphqlUrl))).text();

  /** The value of the sample of `name` carrying every label given (Prometheus text format), or null. */
  function sample(text: string, name: string, labels: Record<string, string>): number | null {
    for (const line of text.split('\n')) {
      const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
      if (!match || match[1] !== name) continue;
      const found = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
    }
    return null;
  }

  /** The spans of one trace, once the gateway's request span (the last to end) is exported. */
  async function traceOf(traceId: string): Promise<ReadableSpan[]> {
    for (let i = 0; i < 100; i++) {
      const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      if (spans.some((s) => s.attributes['imss.service'] === 'gateway')) return spans;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  }

  it("continues the caller's trace through the gateway, each subgraph fetch and the subgraph's SQL", async () => {
    const res = await system.query(MY_RECORD, {}, { token: await system.token('INSURED'), headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` } });
    expect(res.errors).toBeUndefined();
    const spans = await traceOf(TRACE_ID);
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const ancestors = (span: ReadableSpan): ReadableSpan[] => {
      const parent = span.parentSpanContext ? byId.get(span.parentSpanContext.spanId) : undefined;
      return parent ? [parent, ...ancestors(parent)] : [];
    };

    const gatewayRequest = spans.find((s) => s.attributes['imss.service'] === 'gateway');
    expect(gatewayRequest?.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    for (const subgraph of ['persons', 'enrollments']) {
      const fetch = spans.find((s) => s.name === `POST ${subgraph}`);
      const served = spans.find((s) => s.attributes['imss.service'] === subgraph);
      expect(ancestors(fetch!)).toContain(gatewayRequest);
      expect(served?.parentSpanContext?.spanId).toBe(fetch!.spanContext().spanId);
      const sql = spans.filter((s) => s.attributes['db.namespace'] === subgraph);
      expect(sql.length).toBeGreaterThan(0);
      for (const statement of sql) expect(ancestors(statement)).toContain(served);
      expect(String(sql[0]!.attributes['db.query.text'])).toMatch(/^(select|insert|with)/i);
    }
  });

  it('counts requests, latency and errors per operation and per subgraph on the gateway', async () => {
    await system.query(MY_RECORD, {}, { token: await system.token('INSURED') });
    await system.query(STAFF_READ, { c: system.insuredCurp }, { token: await system.token('CONSULATE_STAFF') });
    const text = await metricsOf(system.gateway.url);
    const gateway = { service: 'gateway' };
    expect(sample(text, 'imss_graphql_requests_total', { ...gateway, operation: 'MyRecord', kind: 'query' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'imss_graphql_request_duration_seconds_count', { ...gateway, operation: 'MyRecord', kind: 'query' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'imss_graphql_errors_total', { ...gateway, operation: 'StaffRead', code: 'PURPOSE_REQUIRED' })).toBe(1);
    expect(sample(text, 'imss_subgraph_requests_total', { ...gateway, subgraph: 'persons', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'imss_subgraph_request_duration_seconds_bucket', { ...gateway, subgraph: 'enrollments', le: '+Inf' })).toBeGreaterThanOrEqual(1);
  });

  it('counts rate-limit refusals by kind of caller', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => system.query(`{ consulates { id } }`)));
    const refused = results.filter((r) => r.status === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(sample(await metricsOf(system.gateway.url), 'imss_refusals_total', { service: 'gateway', reason: 'rate_limit', caller: 'anonymous' })).toBe(refused);
  });

  it("shows each subgraph's requests by operation and its database pool", async () => {
    await system.query(MY_RECORD, {}, { token: await system.token('INSURED') });
    const text = await metricsOf(system.subgraphs.persons.http.url);
    const persons = { service: 'persons' };
    expect(sample(text, 'imss_graphql_requests_total', { ...persons, operation: 'MyRecord', kind: 'query' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'imss_db_queries_total', { ...persons, outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'imss_db_pool_max_connections', persons)).toBe(4);
    expect(sample(text, 'imss_db_queries_in_flight', persons)).toBe(0);
    expect(sample(text, 'imss_db_transactions_in_flight', persons)).toBe(0);
    expect(sample(text, 'imss_db_connections_open', persons)).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'imss_db_query_duration_seconds_count', persons)).toBeGreaterThanOrEqual(1);
  });
});

describe('errors for people', () => {
  let system: SeededSystem;
  beforeAll(async () => {
    system = await startSeededSystem();
  });
  afterAll(() => system?.close());

  it('tells staff in Spanish, by default, to send X-Access-Purpose, and says so in the Content-Language', async () => {
    const res = await system.query(STAFF_READ, { c: system.insuredCurp }, { token: await system.token('CONSULATE_STAFF') });
    expect(res.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    expect(res.errors?.[0]?.message).toContain('envíe el encabezado X-Access-Purpose');
    expect(res.headers.get('content-language')).toBe('es-MX');
    expect(res.headers.get('vary')).toMatch(/accept-language/i);
  });

  it('answers in English on Accept-Language: en, with the same code', async () => {
    const res = await system.query(STAFF_READ, { c: system.insuredCurp }, { token: await system.token('CONSULATE_STAFF'), headers: { 'accept-language': 'en-US,en;q=0.9,es;q=0.5' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    expect(res.errors?.[0]?.message).toContain('send the X-Access-Purpose header');
    expect(res.headers.get('content-language')).toBe('en');
  });

  it('translates errors raised before execution too: a bad token, a bad variable', async () => {
    const badToken = await system.query(MY_RECORD, {}, { token: 'not-a-token' });
    expect(badToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(badToken.errors?.[0]?.message).toContain('inicie sesión de nuevo');
    const badCurp = await system.query(STAFF_READ, { c: 'GOMA800101HDFRRN01' }, { token: await system.token('CONSULATE_STAFF'), purpose: 'NSS_ASSISTANCE:window-1' });
    expect(badCurp.errors?.[0]?.extensions?.code).toBe('CURP_CHECK_DIGIT');
    expect(badCurp.errors?.[0]?.message).toContain('El dígito verificador (posición 18) debería ser');
  });

  it('says, to a caller through another gateway, which header and which token claim are missing', async () => {
    const token = await gatewayTokenFor(system, 'persons', identityFor({ sub: 'staff-1', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' }), null);
    const res = await system.post(system.subgraphs.persons.http.url, { query: STAFF_READ, variables: { c: system.insuredCurp } }, { [IDENTITY_HEADER]: token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PURPOSE_REQUIRED', header: 'X-Access-Purpose', claim: 'purpose' });
    expect(res.errors?.[0]?.message).toMatch(/send the X-Access-Purpose header.*carries no "purpose" claim/);
  });
});
