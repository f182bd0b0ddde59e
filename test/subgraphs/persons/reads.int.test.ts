/** Reading persons through the gateway: who sees what, what is audited, what is refused. */
import { describe, expect } from 'vitest';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';

const PURPOSE = 'NSS_ASSISTANCE:window-3';
const PERSON = gql`query($c: Curp!) { person(curp: $c) { curp nss maskedName } }`;
const ACCESS_LOG = gql`{ me { accessLog { action reason actorRole actorScope purpose caseId exception subgraph what } } }`;

describe('persons: reads', () => {
  it('an insured person reads their own record', async ({ system, as }) => {
    const res = await as('INSURED').query(gql`{ me { curp givenNames firstSurname clinic { number } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({ me: { curp: system.insuredCurp, givenNames: 'ANDRES', firstSurname: 'GORDILLO', clinic: { number: 20 } } });
  });

  it('an insured person cannot read someone else: null, as if absent', async ({ system, as }) => {
    const res = await as('INSURED').query(PERSON, { c: system.pensionerCurp });
    expect(res.data).toEqual({ person: null });
    expect(res.errors).toBeUndefined();
  });

  it("an insured person's attempt on someone else's record is in that person's access log", async ({ system, as }) => {
    await as('INSURED').query(PERSON, { c: system.pensionerCurp });
    const log = await as('INSURED', { claims: { curp: system.pensionerCurp } }).query(ACCESS_LOG);
    expect(log.data?.me.accessLog).toContainEqual(expect.objectContaining({ action: 'REFUSED', reason: 'OUTSIDE_SCOPE', actorRole: 'INSURED', what: 'Person' }));
  });

  it('staff without a declared purpose get PURPOSE_REQUIRED, and the refusal is in the access log', async ({ system, as }) => {
    const res = await as('CONSULATE_STAFF').query(PERSON, { c: system.insuredCurp });
    expect(res.data?.person ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    const log = await as('INSURED').query(ACCESS_LOG);
    expect(log.data?.me.accessLog).toContainEqual(expect.objectContaining({ action: 'REFUSED', reason: 'PURPOSE_REQUIRED', actorRole: 'CONSULATE_STAFF', what: 'Person', purpose: null }));
  });

  it('staff with a purpose on the person’s case read a masked name, and the read is in the access log with the case', async ({ system, as }) => {
    const res = await as('CONSULATE_STAFF', { purpose: PURPOSE, caseFor: system.insuredCurp }).query(PERSON, { c: system.insuredCurp });
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({ person: { maskedName: 'G*** M*** A***' } });
    const log = await as('INSURED').query(ACCESS_LOG);
    expect(log.data?.me.accessLog).toContainEqual(
      expect.objectContaining({ action: 'READ', actorRole: 'CONSULATE_STAFF', actorScope: 'CON-LAX', purpose: PURPOSE, caseId: expect.any(String), exception: false, subgraph: 'persons', what: 'Person' }),
    );
  });

  it.for(['BANK', 'ANALYST', 'EMPLOYER'] as const)('%s, a role that never reads persons, is told FORBIDDEN, and the attempt is in the person’s log', async (role, { system, as }) => {
    const res = await as(role).query(PERSON, { c: system.insuredCurp });
    expect(res.data?.person ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const log = await as('INSURED').query(ACCESS_LOG);
    expect(log.data?.me.accessLog).toContainEqual(expect.objectContaining({ action: 'REFUSED', reason: 'ROLE_NOT_PERMITTED', actorRole: role, what: 'Person' }));
  });

  it('only the person themself lists the access log', async ({ system, as }) => {
    const res = await as('CONSULATE_STAFF', { purpose: PURPOSE, caseFor: system.insuredCurp }).query(gql`query($c: Curp!) { person(curp: $c) { curp accessLog { at } } }`, { c: system.insuredCurp });
    expect(res.data).toMatchObject({ person: { curp: system.insuredCurp, accessLog: null } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects a malformed CURP argument with the failing rule and position', async ({ system, as }) => {
    const bad = `${system.insuredCurp.slice(0, 17)}${(Number(system.insuredCurp[17]) + 1) % 10}`;
    const res = await as('INSURED').query(PERSON, { c: bad });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CURP_CHECK_DIGIT', position: 18 });
  });

  it('checks identifiers for a window: issues with positions, RFC check digit only a warning', async ({ as }) => {
    const res = await as('CONSULATE_STAFF').query(gql`{ identifierCheck(curp: "SABC560626MDFLRN09", nss: "84966311213", rfc: "GODE561231GR9") {
      curp { valid issues { code position } } nss { valid value } rfc { valid warnings { code position } } } }`);
    expect(res.data).toEqual({
      identifierCheck: {
        curp: { valid: false, issues: [{ code: 'CURP_CHECK_DIGIT', position: 18 }] },
        nss: { valid: true, value: '84966311213' },
        rfc: { valid: true, warnings: [{ code: 'RFC_CHECK_DIGIT', position: 13 }] },
      },
    });
  });
});
