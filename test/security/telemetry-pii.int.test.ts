/**
 * No personal data in logs, traces or metrics (docs/operations.md, "Personal data in telemetry").
 * A whole system runs with every log line captured at LOG_LEVEL=debug, every span exported to
 * memory and every /metrics page read, while requests full of personal data go through every path:
 * reads and writes that succeed, invalid input, refused and failed requests, direct subgraph calls.
 * None of the CURPs, NSS, RFC, names, e-mail, phone, tokens, purpose texts or subjects sent or
 * returned may appear in any of it; every log line must be JSON.
 */
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { syntheticCurp, type PersonSeed } from '../../db/seed.ts';
import { IDENTITY_HEADER } from '../../schema/identity/gateway-token.ts';
import { logger, redirectLogs } from '../../schema/runtime/logger.ts';
import { startTracing, type Tracing } from '../../schema/runtime/telemetry.ts';
import { SUBGRAPH_NAMES } from '../../schema/subgraphs.ts';
import { gatewayTokenFor, identityFor } from '../support/gateway-token.ts';
import { gql } from '../support/graphql.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';

const newcomer: PersonSeed = { givenNames: 'XIMENA ODALYS', firstSurname: 'ÑUÑEZ', secondSurname: 'BARRAGAN', birthDate: '1993-04-17', sex: 'M', birthState: 'JC' };
const address = { street: 'Calle Privada Xochitl', exteriorNumber: '77', neighbourhood: 'Centro', municipality: 'Guadalajara', state: 'JC', postalCode: '44100' };
const EMAIL = 'ximena.nunez.barragan@example.test';
const PHONE = '+1 (213) 555-0142';
const PURPOSE_TEXT = 'expediente de Rosalba Quiroz Villaseñor';
const EXCEPTION_REASON = 'Hija Yolotzin Quiroz presente con poder notarial';
const STAFF_SUBJECT = 'rosalba.quiroz@consulado.example';
const BAD_CURP = 'GOMA800101HDFRRN01';

describe('personal data in telemetry', () => {
  const lines: string[] = [];
  const exporter = new InMemorySpanExporter();
  const secrets = new Set<string>();
  const stray: string[] = [];
  let restoreLogs: () => void;
  let tracing: Tracing;
  let system: SeededSystem;
  const level = logger.level;

  beforeAll(async () => {
    logger.level = 'debug';
    restoreLogs = redirectLogs({ write: (line) => void lines.push(line) });
    // Anything written around the logger (a dependency's console warning) is a non-JSON line.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void stray.push(args.map(String).join(' ')));
    }
    tracing = startTracing({ serviceName: 'imss-test', exporter });
    system = await startSeededSystem({ env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '4' } });
  });
  afterAll(async () => {
    await system?.close();
    await tracing?.shutdown();
    restoreLogs?.();
    vi.restoreAllMocks();
    logger.level = level;
  });

  it('sends requests full of personal data through every path', async () => {
    const insuredToken = await system.token('INSURED', { subject: system.insuredCurp });
    const staffToken = await system.token('CONSULATE_STAFF', { subject: STAFF_SUBJECT });
    const newcomerCurp = syntheticCurp(newcomer);
    const purpose = `NSS_ASSISTANCE:${PURPOSE_TEXT}`;
    for (const value of [system.insuredCurp, system.pensionerCurp, newcomerCurp, BAD_CURP, EMAIL, PHONE, PURPOSE_TEXT, EXCEPTION_REASON, STAFF_SUBJECT, insuredToken, staffToken, 'XIMENA', 'ÑUÑEZ', 'BARRAGAN', 'Xochitl', 'GORDILLO', 'TREVIÑO', 'Rosalba', 'Yolotzin']) {
      secrets.add(value);
    }
    const insured = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => system.query<any>(query, variables, { token: insuredToken, headers });
    // Staff act by a declared exception whose reason names people: it must stay out of telemetry too.
    const staff = (query: string, variables: Record<string, unknown> = {}, withPurpose = purpose) =>
      system.query<any>(query, variables, { token: staffToken, ...(withPurpose ? { purpose: withPurpose, headers: { 'x-access-exception': EXCEPTION_REASON } } : {}) });

    // Reads and writes that succeed.
    const me = await insured(gql`query MyRecord { me { curp nss rfc givenNames firstSurname enrollments { kind } appointments { id } biometricStatus { consentInForce } } }`);
    expect(me.errors).toBeUndefined();
    for (const field of ['nss', 'rfc']) if (me.data?.me?.[field]) secrets.add(String(me.data.me[field]));
    expect(secrets.size).toBeGreaterThan(18); // the NSS (and RFC) returned are checked too
    expect((await staff(gql`query StaffRead($c: Curp!) { person(curp: $c) { nss givenNames } }`, { c: system.pensionerCurp })).errors).toBeUndefined();
    expect((await staff(gql`query ByNss($n: Nss!) { personByNss(nss: $n) { curp } }`, { n: me.data?.me?.nss })).errors).toBeUndefined();
    const assigned = await staff(gql`mutation Assign($i: AssignNssInput!) { assignNss(input: $i) { nss } }`, {
      i: { curp: newcomerCurp, email: EMAIL, givenNames: newcomer.givenNames, firstSurname: newcomer.firstSurname, secondSurname: newcomer.secondSurname, address },
    });
    expect(assigned.errors).toBeUndefined();
    secrets.add(String(assigned.data?.assignNss?.nss));
    expect((await insured(gql`mutation Contact($i: UpdateContactDataInput!) { updateContactData(input: $i) { curp } }`, { i: { email: EMAIL, phone: PHONE } })).errors).toBeUndefined();
    expect(
      (await insured(gql`mutation Add($i: AddBeneficiaryInput!) { addBeneficiary(input: $i) { id } }`, {
        i: { givenNames: 'XIMENA', firstSurname: 'GORDILLO', secondSurname: 'BARRAGAN', birthDate: '2019-02-02', relationship: 'CHILD', livesInHousehold: true },
      })).errors,
    ).toBeUndefined();

    expect((await insured(`query Q_${system.insuredCurp} { me { curp } }`)).errors).toBeUndefined(); // an operation named after a CURP

    // Invalid input: values echoed in error messages.
    const mismatchCurp = syntheticCurp({ ...newcomer, givenNames: 'PAULINA', birthDate: '1994-05-18' });
    secrets.add(mismatchCurp);
    const invalid = [
      await staff(`{ person(curp: "${BAD_CURP}") { nss } }`),
      await staff(gql`query Bad($c: Curp!) { person(curp: $c) { nss } }`, { c: BAD_CURP }),
      await staff(gql`query BadNss($n: Nss!) { personByNss(nss: $n) { curp } }`, { n: '1234567890X' }),
      await staff(gql`mutation Mismatch($i: AssignNssInput!) { assignNss(input: $i) { nss } }`, {
        i: { curp: mismatchCurp, email: EMAIL, givenNames: 'ROSALBA', firstSurname: newcomer.firstSurname, address },
      }),
      await insured(gql`mutation Phone($i: UpdateContactDataInput!) { updateContactData(input: $i) { curp } }`, { i: { phone: `${PHONE} ext ${EMAIL}` } }),
      await insured(gql`mutation Mail($i: UpdateContactDataInput!) { updateContactData(input: $i) { curp } }`, { i: { email: 'ximena at example' } }),
      await insured(gql`query Typed($c: Curp!) { person(curp: $c) { nss } }`, { c: { givenNames: 'XIMENA', curp: newcomerCurp } }),
      await insured(`{ me { curp givenNames(as: "${newcomerCurp}") } }`),
      await insured(`{ person(curp: "${newcomerCurp}") { nss `),
    ];
    expect(invalid.map((r, i) => ((r.errors?.length ?? 0) > 0 ? 'refused' : `request ${i} passed`))).toEqual(invalid.map(() => 'refused'));
    secrets.add('ROSALBA');
    secrets.add('ximena at example');

    // Refused and failed requests: bad tokens, a missing or malformed purpose, rate limits.
    const forgedToken = `${insuredToken.slice(0, -6)}AAAAAA`;
    secrets.add(forgedToken);
    expect((await system.query(gql`query MyRecord { me { curp } }`, {}, { token: forgedToken })).status).toBe(401);
    expect((await system.query(`{ me { curp } }`, {}, { headers: { authorization: `Basic ${Buffer.from(`${STAFF_SUBJECT}:pw`).toString('base64')}` } })).status).toBe(401);
    expect((await staff(gql`query StaffRead($c: Curp!) { person(curp: $c) { nss } }`, { c: system.insuredCurp }, '')).errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    expect((await system.query(`{ me { curp } }`, {}, { token: staffToken, headers: { 'x-access-purpose': `NSS_ASSISTANCE:${PURPOSE_TEXT} `.repeat(8) } })).status).toBe(400); // too long
    const anonymous = await Promise.all(Array.from({ length: 6 }, () => system.query(`{ person(curp: "${system.insuredCurp}") { nss } }`)));
    expect(anonymous.some((r) => r.status === 429)).toBe(true);

    // Direct subgraph calls: without a token, with one carrying a purpose, with entity representations.
    const identity = identityFor({ sub: STAFF_SUBJECT, roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' });
    const direct = await gatewayTokenFor(system, 'persons', identity, purpose, { case: null, exception: EXCEPTION_REASON });
    secrets.add(direct);
    const persons = system.subgraphs.persons.http.url;
    expect((await system.post(persons, { query: `{ person(curp: "${system.insuredCurp}") { nss } }` })).status).toBe(401);
    expect((await system.post(persons, { query: `{ person(curp: "${system.insuredCurp}") { nss } }` }, { [IDENTITY_HEADER]: direct })).errors).toBeUndefined();
    const entities = gql`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { nss } } }`;
    await system.post(persons, { query: entities, variables: { r: [{ __typename: 'Person', curp: system.pensionerCurp }, { __typename: 'Person', curp: BAD_CURP }] } }, { [IDENTITY_HEADER]: direct });
    await system.post(persons, { query: `{ person(curp: "${BAD_CURP}") { nss } }` }, { [IDENTITY_HEADER]: `${direct}x` });
  });

  it('finds none of it in the logs, every line of which is JSON', () => {
    expect(lines.length).toBeGreaterThan(20);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = parsed.filter((entry) => entry.msg === 'graphql request');
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.some((entry) => entry.procedure === 'NSS_ASSISTANCE' && typeof entry.client === 'string')).toBe(true);
    expect(leaks(lines.join('\n'))).toEqual([]);
    expect(stray).toEqual([]);
  });

  it('finds none of it in the spans', () => {
    const spans = exporter.getFinishedSpans();
    expect(spans.length).toBeGreaterThan(50);
    expect(spans.some((s) => s.attributes['db.query.text'])).toBe(true);
    const text = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status, links: s.links, resource: s.resource.attributes })));
    expect(leaks(text)).toEqual([]);
  });

  it('finds none of it in the metrics of the gateway and of every subgraph', async () => {
    const pages = await Promise.all([system.gateway.url, ...SUBGRAPH_NAMES.map((name) => system.subgraphs[name].http.url)].map(async (url) => (await fetch(new URL('/metrics', url))).text()));
    expect(pages.every((page) => page.includes('imss_graphql_requests_total'))).toBe(true);
    expect(pages[0]).toContain('operation="other"'); // the operation named after a CURP
    expect(leaks(pages.join('\n'))).toEqual([]);
  });

  /** The secrets found in `text`, compared without case (names are stored upper-case). */
  function leaks(text: string): string[] {
    const haystack = text.toLowerCase();
    return [...secrets].filter((secret) => haystack.includes(secret.toLowerCase()));
  }
});
