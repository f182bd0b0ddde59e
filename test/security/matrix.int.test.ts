/**
 * The security matrix (docs/security.md): every role — and anonymous callers — against every
 * root field and entity path, through the gateway (rows per subgraph in matrix/; a root field
 * without a row fails matrix-coverage.test.ts); `_entities` sent directly to each
 * subgraph with a gateway token for each role; and calls to subgraphs without a valid gateway
 * token. "Denied" means no data for the caller (null, empty or an error), never someone's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '../../schema/subgraphs.ts';
import { ACTORS, OPERATIONS, type Actor, type MatrixSystem, type Operation } from './matrix/index.ts';
import { DEV_SCOPES } from '../../gateway/auth/dev-tokens.ts';
import { officeOfClaims, officeOffers, openCase } from '../support/cases.ts';
import { appointmentFixtures } from './matrix/appointment-fixtures.ts';
import { prepareEnrollmentsMatrix } from './matrix/enrollments.ts';
import { IDENTITY_HEADER } from '../../schema/identity/gateway-token.ts';
import { gatewayTokenFor, identityFor } from '../support/gateway-token.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';

describe('security matrix', () => {
  let system: MatrixSystem;
  const tokens = new Map<Actor, string | null>();

  beforeAll(async () => {
    const seeded = await startSeededSystem({ env: { RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000' } });
    const [row] = await seeded.db.database.sql<{ nss: string }[]>`select nss from persons.persons where curp = ${seeded.insuredCurp}`;
    // One beneficiary of the demo insured person per actor, for the rows that change or remove one.
    const beneficiaries = new Map<Actor, string>();
    for (const actor of ACTORS) {
      const [b] = await seeded.db.database.sql<{ id: string }[]>`
        insert into persons.beneficiaries (holder_curp, given_names, first_surname, birth_date, relationship, lives_in_household)
        values (${seeded.insuredCurp}, 'HIJA', 'GORDILLO', '2015-02-02', 'CHILD', true) returning id`;
      beneficiaries.set(actor, b!.id);
    }
    const appointmentOf = await appointmentFixtures(seeded);
    system = Object.assign(seeded, {
      insuredNss: row!.nss,
      beneficiaryOf: (actor: Actor) => beneficiaries.get(actor)!,
      appointmentOf,
      enrollments: await prepareEnrollmentsMatrix(seeded),
    });
    tokens.set('ANONYMOUS', null);
    for (const role of ['INSURED', 'CONSULATE_STAFF', 'EMPLOYER', 'BANK', 'ANALYST', 'IMSS_OFFICER'] as const) tokens.set(role, await system.token(role));
    tokens.set('CONSULATE_STAFF_NO_PURPOSE', tokens.get('CONSULATE_STAFF')!);
    tokens.set('CONSULATE_STAFF_NO_CASE', tokens.get('CONSULATE_STAFF')!);
  });
  afterAll(() => system?.close());

  /** What a staff actor sends: the row's procedure as purpose and, on a row about a person, that person's case. */
  async function headersOf(operation: Operation, actor: Actor): Promise<{ purpose?: string; headers?: Record<string, string> }> {
    const procedure = operation.procedure ?? 'NSS_ASSISTANCE';
    if (actor === 'CONSULATE_STAFF_NO_CASE') return { purpose: `${procedure}:matrix` };
    if (actor !== 'CONSULATE_STAFF' && actor !== 'IMSS_OFFICER') return {};
    const office = actor === 'CONSULATE_STAFF' ? officeOfClaims({ consulate_id: DEV_SCOPES.consulateId }) : officeOfClaims({ subdelegation: DEV_SCOPES.subdelegation });
    // No case where the office does not offer the procedure (a consulate takes no biometrics).
    if (!operation.subject || !officeOffers(office, procedure)) return { purpose: `${procedure}:matrix` };
    const caseId = await openCase(system.db.database, { curp: operation.subject(system, actor), office, procedure });
    return { purpose: `${procedure}:matrix`, headers: { 'x-access-case': caseId } };
  }

  for (const operation of OPERATIONS) {
    describe(operation.name, () => {
      for (const actor of ACTORS) {
        const expected = operation.allowed.includes(actor) ? 'allowed' : 'denied';
        it(`${actor}: ${expected}`, async () => {
          const { headers, ...staffGrounds } = await headersOf(operation, actor);
          const res = await system.query(operation.query(system, actor), {}, { token: tokens.get(actor) ?? null, ...staffGrounds, headers: { ...headers, ...operation.headers?.(system, actor) } });
          expect(res.status, JSON.stringify(res.errors)).toBeLessThan(500);
          expect(operation.granted(res.data) ? 'allowed' : 'denied', JSON.stringify(res)).toBe(expected);
          if (expected === 'denied') {
            // Denials never leak internals: only stable, client-safe codes.
            for (const error of res.errors ?? []) expect(['FORBIDDEN', 'NOT_FOUND', 'PURPOSE_REQUIRED', 'CASE_REQUIRED', 'UNAUTHENTICATED']).toContain(error.extensions?.code);
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
