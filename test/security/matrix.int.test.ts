/**
 * The security matrix (ARCHITECTURE.md, "Who may do what"): every role — and anonymous callers —
 * against every root field and entity path, through the gateway; `_entities` sent directly to each
 * subgraph with a gateway token for each role; and calls to subgraphs without a valid gateway
 * token. "Denied" means no data for the caller (null, empty or an error), never someone's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '../../schema/subgraphs.ts';
import { IDENTITY_HEADER } from '../../schema/identity/gateway-token.ts';
import { gatewayTokenFor, identityFor } from '../support/gateway-token.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';

type Actor = 'ANONYMOUS' | 'INSURED' | 'CONSULATE_STAFF' | 'CONSULATE_STAFF_NO_PURPOSE' | 'EMPLOYER' | 'BANK' | 'ANALYST' | 'IMSS_OFFICER';
const ACTORS: Actor[] = ['ANONYMOUS', 'INSURED', 'CONSULATE_STAFF', 'CONSULATE_STAFF_NO_PURPOSE', 'EMPLOYER', 'BANK', 'ANALYST', 'IMSS_OFFICER'];

type MatrixSystem = SeededSystem & { insuredNss: string };

interface Operation {
  name: string;
  query: (s: MatrixSystem) => string;
  /** What counts as access: the data the caller got. */
  granted: (data: any) => boolean;
  allowed: Actor[];
}

const OPERATIONS: Operation[] = [
  { name: 'consulates (public)', query: () => `{ consulates { id } }`, granted: (d) => d?.consulates?.length > 0, allowed: [...ACTORS] },
  { name: 'clinics (public)', query: () => `{ clinics { id } }`, granted: (d) => d?.clinics?.length > 0, allowed: [...ACTORS] },
  { name: 'voluntaryEnrollmentEligibility (public)', query: () => `{ voluntaryEnrollmentEligibility(input: { nationality: MEXICAN, documents: [CURP, EMAIL, MATRICULA_CONSULAR] }) { eligible } }`, granted: (d) => typeof d?.voluntaryEnrollmentEligibility?.eligible === 'boolean', allowed: [...ACTORS] },
  { name: 'curpConsistency', query: (s) => `{ curpConsistency(input: { curp: "${s.insuredCurp}", givenNames: "ANDRES", firstSurname: "GORDILLO", secondSurname: "MARTINEZ", birthDate: "1980-01-01", sex: H, birthState: "DF" }) { consistent } }`, granted: (d) => d?.curpConsistency?.consistent === true, allowed: ['INSURED', 'CONSULATE_STAFF', 'CONSULATE_STAFF_NO_PURPOSE', 'EMPLOYER', 'BANK', 'ANALYST', 'IMSS_OFFICER'] },
  { name: 'identifierCheck', query: () => `{ identifierCheck(nss: "84966311213") { nss { valid } } }`, granted: (d) => d?.identifierCheck?.nss?.valid === true, allowed: ['INSURED', 'CONSULATE_STAFF', 'CONSULATE_STAFF_NO_PURPOSE', 'EMPLOYER', 'BANK', 'ANALYST', 'IMSS_OFFICER'] },
  { name: 'me', query: () => `{ me { curp nss } }`, granted: (d) => Boolean(d?.me?.nss), allowed: ['INSURED'] },
  { name: 'person(curp) personal data', query: (s) => `{ person(curp: "${s.insuredCurp}") { nss givenNames } }`, granted: (d) => Boolean(d?.person?.nss), allowed: ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'person(curp) of someone else', query: (s) => `{ person(curp: "${s.pensionerCurp}") { nss } }`, granted: (d) => Boolean(d?.person?.nss), allowed: ['CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'personByNss', query: (s) => `{ personByNss(nss: "${s.insuredNss}") { curp } }`, granted: (d) => Boolean(d?.personByNss?.curp), allowed: ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'Person.accessLog', query: () => `{ me { accessLog { at } } }`, granted: (d) => Array.isArray(d?.me?.accessLog), allowed: ['INSURED'] },
  { name: 'Person.enrollments (entity path persons → enrollments)', query: (s) => `{ person(curp: "${s.insuredCurp}") { enrollments { kind } } }`, granted: (d) => d?.person?.enrollments?.length > 0, allowed: ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'Person.appointments (entity path persons → appointments)', query: (s) => `{ person(curp: "${s.insuredCurp}") { appointments { id } } }`, granted: (d) => d?.person?.appointments?.length > 0, allowed: ['INSURED', 'CONSULATE_STAFF'] },
  { name: 'Person.biometricStatus (entity path persons → biometrics)', query: (s) => `{ person(curp: "${s.insuredCurp}") { biometricStatus { consentInForce } } }`, granted: (d) => d?.person?.biometricStatus?.consentInForce === true, allowed: ['INSURED', 'IMSS_OFFICER'] },
  { name: 'Person.coverage (@requires across subgraphs)', query: () => `{ me { coverage { status } } }`, granted: (d) => Boolean(d?.me?.coverage?.status), allowed: ['INSURED'] },
  { name: 'consulate queue (own consulate)', query: () => `{ consulate(id: "CON-LAX") { queue { id } } }`, granted: (d) => d?.consulate?.queue?.length > 0, allowed: ['CONSULATE_STAFF', 'CONSULATE_STAFF_NO_PURPOSE'] },
  { name: "consulate queue (another consulate's)", query: () => `{ consulate(id: "CON-CHI") { queue { id } } }`, granted: (d) => Array.isArray(d?.consulate?.queue), allowed: [] },
  { name: 'enrollmentStatistics', query: () => `{ enrollmentStatistics { kind count suppressed } }`, granted: (d) => d?.enrollmentStatistics?.length > 0, allowed: ['ANALYST'] },
  { name: 'employerEnrollments', query: () => `{ employerEnrollments { id person { curp } } }`, granted: (d) => d?.employerEnrollments?.length > 0, allowed: ['EMPLOYER'] },
  { name: "employerEnrollments of another employer's registration", query: () => `{ employerEnrollments(registration: "B9876543101") { id } }`, granted: (d) => d?.employerEnrollments?.length > 0, allowed: [] },
  { name: 'employer reaching person data through its workers', query: () => `{ employerEnrollments { person { nss givenNames biometricStatus { consentInForce } } } }`, granted: (d) => (d?.employerEnrollments ?? []).some((e: any) => e?.person?.nss || e?.person?.biometricStatus), allowed: [] },
  { name: 'assignNss (locates an existing NSS)', query: (s) => `mutation { assignNss(input: { curp: "${s.insuredCurp}", email: "andres@example.test" }) { outcome nss } }`, granted: (d) => d?.assignNss?.outcome === 'LOCATED', allowed: ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: "assignNss for someone else's CURP", query: (s) => `mutation { assignNss(input: { curp: "${s.pensionerCurp}", email: "p@example.test" }) { outcome nss } }`, granted: (d) => Boolean(d?.assignNss?.nss), allowed: ['CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'addBeneficiary', query: (s) => `mutation { addBeneficiary(input: { holderCurp: "${s.insuredCurp}", givenNames: "NINO", firstSurname: "GORDILLO", birthDate: "2019-01-01", relationship: CHILD, livesInHousehold: true }) { id } }`, granted: (d) => Boolean(d?.addBeneficiary?.id), allowed: ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'addBeneficiary to someone else (as their holder)', query: (s) => `mutation { addBeneficiary(input: { holderCurp: "${s.pensionerCurp}", givenNames: "NIETA", firstSurname: "TREVINO", birthDate: "2018-01-01", relationship: CHILD, livesInHousehold: true }) { id } }`, granted: (d) => Boolean(d?.addBeneficiary?.id), allowed: ['CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'issueNssCertificate', query: (s) => `mutation { issueNssCertificate(curp: "${s.insuredCurp}") { jws } }`, granted: (d) => Boolean(d?.issueNssCertificate?.jws), allowed: ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'updateContactData', query: (s) => `mutation { updateContactData(input: { curp: "${s.insuredCurp}", phone: "+52 55 1234 5678" }) { phone } }`, granted: (d) => Boolean(d?.updateContactData?.phone), allowed: ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'recordProofOfLife', query: (s) => `mutation { recordProofOfLife(input: { curp: "${s.pensionerCurp}", provedOn: "2026-01-05" }) { id } }`, granted: (d) => Boolean(d?.recordProofOfLife?.id), allowed: ['CONSULATE_STAFF'] },
];

describe('security matrix', () => {
  let system: MatrixSystem;
  const tokens = new Map<Actor, string | null>();

  beforeAll(async () => {
    const seeded = await startSeededSystem({ env: { RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000' } });
    const [row] = await seeded.db.database.sql<{ nss: string }[]>`select nss from persons.persons where curp = ${seeded.insuredCurp}`;
    system = Object.assign(seeded, { insuredNss: row!.nss });
    tokens.set('ANONYMOUS', null);
    for (const role of ['INSURED', 'CONSULATE_STAFF', 'EMPLOYER', 'BANK', 'ANALYST', 'IMSS_OFFICER'] as const) tokens.set(role, await system.token(role));
    tokens.set('CONSULATE_STAFF_NO_PURPOSE', tokens.get('CONSULATE_STAFF')!);
  });
  afterAll(() => system?.close());

  const purposeOf = (actor: Actor) => (actor === 'CONSULATE_STAFF' || actor === 'IMSS_OFFICER' ? 'MATRIX:case-1' : undefined);

  for (const operation of OPERATIONS) {
    describe(operation.name, () => {
      for (const actor of ACTORS) {
        const expected = operation.allowed.includes(actor) ? 'allowed' : 'denied';
        it(`${actor}: ${expected}`, async () => {
          const res = await system.query(operation.query(system), {}, { token: tokens.get(actor) ?? null, ...(purposeOf(actor) ? { purpose: purposeOf(actor)! } : {}) });
          expect(res.status, JSON.stringify(res.errors)).toBeLessThan(500);
          expect(operation.granted(res.data) ? 'allowed' : 'denied', JSON.stringify(res)).toBe(expected);
          if (expected === 'denied') {
            // Denials never leak internals: only stable, client-safe codes.
            for (const error of res.errors ?? []) expect(['FORBIDDEN', 'NOT_FOUND', 'PURPOSE_REQUIRED', 'UNAUTHENTICATED']).toContain(error.extensions?.code);
          }
        });
      }
    });
  }

  describe('bad client tokens are refused with 401 before anything runs', () => {
    const cases: Array<[string, () => Promise<string>]> = [
      ['expired', () => system.token('INSURED', { expiresInSeconds: -120 })],
      ['tampered payload', async () => {
        const [h, p, s] = (await system.token('INSURED')).split('.');
        const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
        claims.roles = ['IMSS_OFFICER'];
        claims.subdelegation = '01';
        return [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
      }],
      ['unsigned (alg none)', async () => {
        const p = (await system.token('INSURED')).split('.')[1];
        return [Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url'), p, ''].join('.');
      }],
      ['garbage', async () => 'not-a-jwt'],
    ];
    for (const [name, make] of cases) {
      it(name, async () => {
        const res = await system.query(`{ consulates { id } }`, {}, { token: await make() });
        expect(res.status).toBe(401);
        expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.data ?? null).toBeNull();
      });
    }

    it('wrong issuer and wrong audience', async () => {
      const { mintDevToken } = await import('../../gateway/auth/dev-tokens.ts');
      for (const settings of [{ issuer: 'https://evil.example', audience: 'imss-federation-test' }, { issuer: 'https://idp.test.imss-federation', audience: 'someone-else' }]) {
        const token = await mintDevToken(system.keys.devIdp.privateKey, settings, 'INSURED');
        const res = await system.query(`{ me { curp } }`, {}, { token });
        expect(res.status).toBe(401);
      }
    });
  });

  describe('_entities sent directly to each subgraph, with a valid gateway token per role', () => {
    const personFields: Record<string, string> = {
      persons: 'nss',
      enrollments: 'enrollments { kind }',
      appointments: 'appointments { id }',
      biometrics: 'biometricStatus { consentInForce }',
    };
    const claimsOf = (s: SeededSystem): Record<string, Record<string, unknown>> => ({
      INSURED: { sub: 'i', roles: ['INSURED'], curp: s.insuredCurp },
      OTHER_INSURED: { sub: 'o', roles: ['INSURED'], curp: s.pensionerCurp },
      CONSULATE_STAFF: { sub: 'c', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-CHI' },
      EMPLOYER: { sub: 'e', roles: ['EMPLOYER'], employer_registrations: ['B9876543101'] },
      BANK: { sub: 'b', roles: ['BANK'], bank_id: 'BANK-001' },
      ANALYST: { sub: 'a', roles: ['ANALYST'] },
    });
    const allowedBy: Record<string, string[]> = {
      persons: ['INSURED'],
      enrollments: ['INSURED'],
      appointments: ['INSURED'],
      biometrics: ['INSURED'],
    };
    for (const subgraph of SUBGRAPH_NAMES) {
      for (const who of ['INSURED', 'OTHER_INSURED', 'CONSULATE_STAFF', 'EMPLOYER', 'BANK', 'ANALYST']) {
        const expected = allowedBy[subgraph]!.includes(who) ? 'allowed' : 'denied';
        it(`${subgraph}: ${who} (no purpose) ${expected}`, async () => {
          const token = await gatewayTokenFor(system, subgraph, identityFor(claimsOf(system)[who]!));
          const res = await system.post(system.subgraphs[subgraph].http.url, {
            query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${personFields[subgraph]} } } }`,
            variables: { r: [{ __typename: 'Person', curp: system.insuredCurp }] },
          }, { [IDENTITY_HEADER]: token });
          const entity = (res.data as any)?._entities?.[0];
          const value = entity ? Object.values(entity)[0] : null;
          const granted = Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined && (typeof value !== 'object' || Object.values(value).some((v) => v === true || (typeof v === 'string')));
          expect(granted ? 'allowed' : 'denied', JSON.stringify(res)).toBe(expected);
        });
      }
    }
  });

  describe('subgraphs called without the gateway', () => {
    for (const subgraph of SUBGRAPH_NAMES) {
      it(`${subgraph}: no token → 401, even for _service`, async () => {
        const res = await system.post(system.subgraphs[subgraph].http.url, { query: `{ _service { sdl } }` });
        expect(res.status).toBe(401);
        expect(res.data ?? null).toBeNull();
      });

      it(`${subgraph}: a client token or another subgraph's gateway token → 401`, async () => {
        const clientToken = await system.token('INSURED');
        const other = SUBGRAPH_NAMES.find((name) => name !== subgraph)!;
        const misaddressed = await gatewayTokenFor(system, other, identityFor({ sub: 'i', roles: ['INSURED'], curp: system.insuredCurp }));
        const attempts: Record<string, string>[] = [{ [IDENTITY_HEADER]: clientToken }, { [IDENTITY_HEADER]: misaddressed }, { authorization: `Bearer ${clientToken}` }];
        for (const header of attempts) {
          const res = await system.post(system.subgraphs[subgraph].http.url, { query: `{ __typename }` }, header);
          expect(res.status).toBe(401);
        }
      });
    }
  });
});
