/**
 * The persons subgraph against PostgreSQL, through the gateway over HTTP, and directly (for
 * `_entities` and statement counts): lookups, scoping, audit, NSS assignment, beneficiaries,
 * coverage through federation, proof of life, certificates.
 */
import { compactVerify, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER } from '../../schema/identity/gateway-token.ts';
import { gatewayTokenFor, identityFor } from '../support/gateway-token.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';
import { syntheticCurp } from '../../db/seed.ts';

const PURPOSE = 'NSS_ASSIGNMENT:window-3';

describe('persons subgraph', () => {
  let system: SeededSystem;
  let insured: string;
  let staff: string;

  beforeAll(async () => {
    system = await startSeededSystem();
    insured = await system.token('INSURED');
    staff = await system.token('CONSULATE_STAFF');
  });
  afterAll(() => system?.close());

  describe('reads', () => {
    it('an insured person reads their own record', async () => {
      const res = await system.query(`{ me { curp nss givenNames firstSurname clinic { number } address { postalCode } } }`, {}, { token: insured });
      expect(res.errors).toBeUndefined();
      expect(res.data).toMatchObject({ me: { curp: system.insuredCurp, givenNames: 'ANDRES', firstSurname: 'GORDILLO', clinic: { number: 20 } } });
    });

    it('an insured person cannot read someone else: null, as if absent', async () => {
      const res = await system.query(`query($c: Curp!) { person(curp: $c) { curp nss } }`, { c: system.pensionerCurp }, { token: insured });
      expect(res.data).toEqual({ person: null });
      expect(res.errors).toBeUndefined();
    });

    it('staff need a declared purpose; with one, the read is audited and the person can list it', async () => {
      const without = await system.query(`query($c: Curp!) { person(curp: $c) { nss } }`, { c: system.insuredCurp }, { token: staff });
      expect(without.data?.person ?? null).toBeNull();
      expect(without.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');

      const refusedLog = await system.query(`{ me { accessLog { action reason actorRole what purpose } } }`, {}, { token: insured });
      expect((refusedLog.data as any).me.accessLog).toContainEqual({ action: 'REFUSED', reason: 'PURPOSE_REQUIRED', actorRole: 'CONSULATE_STAFF', what: 'Person', purpose: null });

      const withPurpose = await system.query(`query($c: Curp!) { person(curp: $c) { nss maskedName } }`, { c: system.insuredCurp }, { token: staff, purpose: PURPOSE });
      expect(withPurpose.errors).toBeUndefined();
      expect(withPurpose.data).toMatchObject({ person: { maskedName: 'G*** M*** A***' } });

      const log = await system.query(`{ me { accessLog { action actorRole actorScope purpose subgraph what } } }`, {}, { token: insured });
      expect(log.data).toMatchObject({
        me: { accessLog: expect.arrayContaining([{ action: 'READ', actorRole: 'CONSULATE_STAFF', actorScope: 'CON-LAX', purpose: PURPOSE, subgraph: 'persons', what: 'Person' }]) },
      });
    });

    it('only the person themself lists the access log', async () => {
      const res = await system.query(`query($c: Curp!) { person(curp: $c) { curp accessLog { at } } }`, { c: system.insuredCurp }, { token: staff, purpose: PURPOSE });
      expect(res.data).toMatchObject({ person: { curp: system.insuredCurp, accessLog: null } });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('rejects a malformed CURP argument with the failing rule and position', async () => {
      const bad = `${system.insuredCurp.slice(0, 17)}${(Number(system.insuredCurp[17]) + 1) % 10}`;
      const res = await system.query(`query($c: Curp!) { person(curp: $c) { curp } }`, { c: bad }, { token: insured });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CURP_CHECK_DIGIT', position: 18 });
    });
  });

  it('checks identifiers for a window: issues with positions, RFC check digit only a warning', async () => {
    const res = await system.query(`{ identifierCheck(curp: "SABC560626MDFLRN09", nss: "84966311213", rfc: "GODE561231GR9") {
      curp { valid issues { code position } } nss { valid value } rfc { valid warnings { code position } } } }`, {}, { token: staff });
    expect(res.data).toEqual({ identifierCheck: {
      curp: { valid: false, issues: [{ code: 'CURP_CHECK_DIGIT', position: 18 }] },
      nss: { valid: true, value: '84966311213' },
      rfc: { valid: true, warnings: [{ code: 'RFC_CHECK_DIGIT', position: 13 }] },
    } });
  });

  describe('_entities, called directly with a gateway token', () => {
    async function entities(claims: Record<string, unknown>, curps: string[], purpose: string | null = null) {
      const token = await gatewayTokenFor(system, 'persons', identityFor(claims), purpose);
      return system.post(
        system.subgraphs.persons.http.url,
        {
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { curp nss } } }`,
          variables: { r: curps.map((curp) => ({ __typename: 'Person', curp })) },
        },
        { [IDENTITY_HEADER]: token },
      );
    }

    it('resolves only what the viewer may read, the rest is null', async () => {
      const res = await entities({ sub: 'u1', roles: ['INSURED'], curp: system.insuredCurp }, [system.insuredCurp, system.pensionerCurp]);
      expect(res.data).toMatchObject({ _entities: [{ curp: system.insuredCurp }, null] });
    });

    it('resolves a batch of persons in a constant number of SQL statements (no N+1)', async () => {
      const rows = await system.db.database.sql<{ curp: string }[]>`select curp from persons.persons order by curp limit 20`;
      const counter = system.subgraphs.persons.database.statements;
      const staffClaims = { sub: 's1', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' };

      const before2 = counter.count;
      await entities(staffClaims, rows.slice(0, 2).map((r) => r.curp), PURPOSE);
      const for2 = counter.count - before2;

      const before20 = counter.count;
      const res = await entities(staffClaims, rows.map((r) => r.curp), PURPOSE);
      const for20 = counter.count - before20;
      expect((res.data as { _entities: unknown[] })._entities.filter(Boolean)).toHaveLength(20);
      expect(for20).toBe(for2);
      expect(for20).toBeLessThanOrEqual(2); // one SELECT, one audit INSERT
    });

    it('refuses a call without the gateway token', async () => {
      const res = await system.post(system.subgraphs.persons.http.url, { query: `{ _service { sdl } }` });
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('NSS assignment', () => {
    const newcomer = { givenNames: 'JOSE ANTONIO', firstSurname: 'ÑUÑEZ', secondSurname: 'DE LA ROSA', birthDate: '1991-07-04', sex: 'H' as const, birthState: 'NE' };
    const address = { street: 'Av. Ejemplo', exteriorNumber: '12', neighbourhood: 'Centro', municipality: 'Guadalajara', state: 'JC', postalCode: '44100' };
    const ASSIGN = `mutation($i: AssignNssInput!) { assignNss(input: $i) { outcome nss person { curp clinic { id } } } }`;

    it('assigns a new NSS from the address, then locates the same one (idempotent)', async () => {
      const curp = syntheticCurp(newcomer);
      const input = { curp, email: 'jose@example.test', givenNames: newcomer.givenNames, firstSurname: newcomer.firstSurname, secondSurname: newcomer.secondSurname, address };
      const first = await system.query(ASSIGN, { i: input }, { token: staff, purpose: PURPOSE });
      expect(first.errors).toBeUndefined();
      const assigned = (first.data as any).assignNss;
      expect(assigned.outcome).toBe('ASSIGNED');
      expect(assigned.nss).toMatch(/^39\d{2}91\d{5}$/); // subdelegation 39 (Guadalajara clinic), birth year 91
      expect(assigned.person.clinic.id).toBe('UMF-JC-051');

      const second = await system.query(ASSIGN, { i: input }, { token: staff, purpose: PURPOSE });
      expect((second.data as any).assignNss).toMatchObject({ outcome: 'LOCATED', nss: assigned.nss });
    });

    it('reports names that do not match the CURP, and writes nothing', async () => {
      const curp = syntheticCurp({ ...newcomer, givenNames: 'PEDRO', birthDate: '1992-01-01' });
      const res = await system.query(ASSIGN, { i: { curp, email: 'p@example.test', givenNames: 'PABLO', firstSurname: newcomer.firstSurname, secondSurname: newcomer.secondSurname, address } }, { token: staff, purpose: PURPOSE });
      expect(res.errors?.[0]?.extensions?.code).toBe('CURP_MISMATCH');
      const [row] = await system.db.database.sql`select count(*)::int as n from persons.persons where curp = ${curp}`;
      expect(row!.n).toBe(0);
    });

    it('never hands out the same NSS twice under concurrency', async () => {
      const people = Array.from({ length: 12 }, (_, i) => ({ ...newcomer, givenNames: ['LUIS', 'ANA', 'RAMON', 'IRMA'][i % 4]!, birthDate: `1985-0${(i % 9) + 1}-1${i % 10}` }));
      const results = await Promise.all(
        people.map((p) =>
          system.query(ASSIGN, { i: { curp: syntheticCurp(p), email: 'x@example.test', givenNames: p.givenNames, firstSurname: p.firstSurname, secondSurname: p.secondSurname, address } }, { token: staff, purpose: PURPOSE }),
        ),
      );
      const nss = results.map((r) => (r.data as any)?.assignNss?.nss);
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(new Set(nss).size).toBe(people.length);
    });
  });

  describe('beneficiaries', () => {
    const ADD = `mutation($i: AddBeneficiaryInput!) { addBeneficiary(input: $i) { id relationship eligible eligibleUntil } }`;

    it('refuses a second spouse or concubine', async () => {
      const res = await system.query(ADD, { i: { givenNames: 'OTRA', firstSurname: 'PERSONA', birthDate: '1985-01-01', relationship: 'CONCUBINE', livesInHousehold: true } }, { token: insured });
      expect(String(res.errors?.[0]?.extensions?.code)).toMatch(/^BENEFICIARY_/);
    });

    it('adds a child, lists it with eligibility, and removes it', async () => {
      const added = await system.query(ADD, { i: { givenNames: 'NINA', firstSurname: 'GORDILLO', birthDate: '2020-05-05', relationship: 'CHILD', livesInHousehold: true } }, { token: insured });
      expect(added.errors).toBeUndefined();
      const child = (added.data as any).addBeneficiary;
      expect(child).toMatchObject({ relationship: 'CHILD', eligible: true, eligibleUntil: '2036-05-05' });
      const removed = await system.query(`mutation($id: ID!) { removeBeneficiary(id: $id) { removed } }`, { id: child.id }, { token: insured });
      expect(removed.data).toEqual({ removeBeneficiary: { removed: true } });
    });

    it("cannot remove another person's beneficiary: not found", async () => {
      const [row] = await system.db.database.sql<{ id: string }[]>`select id from persons.beneficiaries limit 1`;
      const other = await system.token('INSURED', { claims: { curp: system.pensionerCurp } });
      const res = await system.query(`mutation($id: ID!) { removeBeneficiary(id: $id) { removed } }`, { id: row!.id }, { token: other });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('coverage through federation (@requires coverage periods from enrollments)', () => {
    it('an employed insured person is covered, and so are eligible beneficiaries', async () => {
      const res = await system.query(`{ me { coverage { status validUntil beneficiaries { status beneficiary { relationship } } } } }`, {}, { token: insured });
      expect(res.errors).toBeUndefined();
      const coverage = (res.data as any).me.coverage;
      expect(coverage.status).toBe('ACTIVE');
      expect(coverage.beneficiaries.map((b: any) => b.status)).toContain('ACTIVE');
    });

    it('a worker whose baja was 20 days ago keeps rights for 8 weeks (PRESERVED)', async () => {
    const [row] = await system.db.database.sql<{ curp: string; end_date: string }[]>`
      select curp, end_date::text from enrollments.enrollments where end_date is not null and kind = 'EMPLOYMENT' limit 1`;
    const res = await system.query(`query($c: Curp!) { person(curp: $c) { coverage { status validUntil } } }`, { c: row!.curp }, { token: staff, purpose: PURPOSE });
    expect(res.errors).toBeUndefined();
    const end = new Date(`${row!.end_date}T00:00:00Z`);
    const until = new Date(end.getTime() + 56 * 86_400_000).toISOString().slice(0, 10);
      expect(res.data).toEqual({ person: { coverage: { status: 'PRESERVED', validUntil: until } } });
    });
  });

  describe('proof of life and certificates', () => {
    it('consulate staff record a proof of life; the status becomes CURRENT', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const res = await system.query(
        `mutation($i: RecordProofOfLifeInput!) { recordProofOfLife(input: $i) { provedOn consulateId } }`,
        { i: { curp: system.pensionerCurp, provedOn: today } },
        { token: staff, purpose: 'PROOF_OF_LIFE:window-1' },
      );
      expect(res.data).toEqual({ recordProofOfLife: { provedOn: today, consulateId: 'CON-LAX' } });
      const status = await system.query(`query($c: Curp!) { person(curp: $c) { proofOfLife { state lastProvedOn } } }`, { c: system.pensionerCurp }, { token: staff, purpose: 'PROOF_OF_LIFE:window-1' });
      expect(status.data).toMatchObject({ person: { proofOfLife: { state: 'CURRENT', lastProvedOn: today } } });
    });

    it('issues an NSS certificate that verifies offline with the published key', async () => {
      const res = await system.query(`mutation($c: Curp!) { issueNssCertificate(curp: $c) { jws keyId nss } }`, { c: system.insuredCurp }, { token: insured });
      const certificate = (res.data as any).issueNssCertificate;
      const jwks = (await (await fetch(new URL('/.well-known/jwks.json', system.gateway.url))).json()) as { keys: never[] };
      const { payload, protectedHeader } = await compactVerify(certificate.jws, createLocalJWKSet({ keys: jwks.keys }));
      expect(protectedHeader.kid).toBe(certificate.keyId);
      expect(JSON.parse(new TextDecoder().decode(payload)).certificate).toMatchObject({ curp: system.insuredCurp, nss: certificate.nss });
    });
  });
});
