/**
 * `_entities` on the biometrics subgraph in process (the shielded schema executed with a context
 * built as the server builds it, the module given its own master key ring), the SQL it sends: a
 * constant number of statements per batch, and no statement of a read path that so much as names
 * a template's envelope columns.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../db/demo-identities.ts';
import { seedDemoData, syntheticCurp, type PersonSeed } from '../../../db/seed.ts';
import { createBiometricsModule } from '../../../subgraphs/biometrics/index.ts';
import { createMasterKeyRing } from '../../../subgraphs/biometrics/crypto/key-ring.ts';
import { DEFAULT_BIOMETRICS_SETTINGS } from '../../../subgraphs/biometrics/config.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { gql } from '../../support/graphql.ts';
import { inProcessSubgraph, type InProcessSubgraph } from '../../support/in-process.ts';
import { base64, isoRecord, syntheticFingerSet } from '../../support/biometrics/templates.ts';
import { PURPOSE } from './support.ts';
import { NO_GROUNDS, type AccessGrounds } from '../../../schema/identity/access-grounds.ts';

const STATUS_ENTITIES = gql`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { curp biometricStatus { enrolledModalities consentInForce lastVerifiedAt verifiedIdentityCurrent lockedUntil } } } }`;
const DATA_ENTITIES = gql`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { biometricData { consents { id } captures { id fingerPosition } verifications { result } } } } }`;
const ENVELOPE_COLUMNS = /ciphertext|wrapped_key|auth_tag|wrap_iv|wrap_tag|"iv"/;
const insuredCurp = syntheticCurp(DEMO.insured as PersonSeed);
const pensionerCurp = syntheticCurp(DEMO.pensioner as PersonSeed);
const OFFICER = { sub: 'o1', roles: ['IMSS_OFFICER'], subdelegation: '01' };

describe('biometrics _entities, in process', () => {
  let t: TestDatabase;
  let subgraph: InProcessSubgraph;
  const sent: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    const ring = createMasterKeyRing([{ id: 'entities-test', key: randomBytes(32) }], 'entities-test');
    await seedDemoData(t.database, new Date(), { biometricMasterKeys: ring });
    subgraph = await inProcessSubgraph('biometrics', t.url, {
      module: createBiometricsModule({ masterKeys: () => ring, settings: DEFAULT_BIOMETRICS_SETTINGS }),
      onStatement: (text) => sent.push(text),
    });
  });
  afterAll(async () => {
    await subgraph?.close();
    await t?.drop();
  });

  /** Officers act on a verified case of the person, or by a declared exception (for batches of anyone). */
  const onCaseOf = (curp: string): AccessGrounds => ({ case: { id: 'APT-1', curp, office: 'IMSS-01', procedure: 'BIOMETRIC_CAPTURE' }, exception: null });
  const BY_EXCEPTION: AccessGrounds = { case: null, exception: 'Delegation audit of biometric records' };
  const run = (query: string, variables: Record<string, unknown>, claims: Record<string, unknown> | null, purpose: string | null = null, grounds: AccessGrounds = BY_EXCEPTION) =>
    subgraph.execute(query, variables, { claims, purpose, grounds });
  const people = (curps: string[]) => ({ r: curps.map((curp) => ({ __typename: 'Person', curp })) });

  it('resolves the insured person’s status and stored data for them, and nobody else’s', async () => {
    const self = { sub: 'i', roles: ['INSURED'], curp: insuredCurp };
    const status = await run(STATUS_ENTITIES, people([insuredCurp, pensionerCurp]), self);
    expect(status.data).toMatchObject({ _entities: [{ curp: insuredCurp, biometricStatus: { enrolledModalities: ['FINGERPRINT'], consentInForce: true } }, { biometricStatus: null }] });
    const data = await run(DATA_ENTITIES, people([insuredCurp]), self);
    expect(data.data).toMatchObject({ _entities: [{ biometricData: { consents: [{ id: expect.any(String) }], captures: [{ fingerPosition: 'RIGHT_INDEX' }] } }] });
  });

  it('gives an officer without a purpose PURPOSE_REQUIRED, without a case CASE_REQUIRED, on the case the status but not the stored data', async () => {
    expect((await run(STATUS_ENTITIES, people([insuredCurp]), OFFICER)).errors?.map((e) => e.extensions?.code)).toEqual(['PURPOSE_REQUIRED']);
    expect((await run(STATUS_ENTITIES, people([insuredCurp]), OFFICER, PURPOSE, NO_GROUNDS)).errors?.map((e) => e.extensions?.code)).toEqual(['CASE_REQUIRED']);
    const onCase = await run(STATUS_ENTITIES, people([insuredCurp, pensionerCurp]), OFFICER, PURPOSE, onCaseOf(insuredCurp));
    expect(onCase.data).toMatchObject({ _entities: [{ biometricStatus: { consentInForce: true } }, { biometricStatus: null }] });
    expect(onCase.errors?.map((e) => e.extensions?.code)).toEqual(['CASE_REQUIRED']);
    const data = await run(DATA_ENTITIES, people([insuredCurp]), OFFICER, PURPOSE, onCaseOf(insuredCurp));
    expect(data.data).toMatchObject({ _entities: [{ biometricData: null }] });
    expect(data.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('resolves the status of a batch in a constant number of statements (no N+1)', async () => {
    const rows = await t.database.sql<{ curp: string }[]>`select curp from persons.persons order by curp limit 20`;
    await run(STATUS_ENTITIES, people(rows.slice(0, 1).map((r) => r.curp)), OFFICER, PURPOSE); // warm the pool
    const before2 = sent.length;
    await run(STATUS_ENTITIES, people(rows.slice(0, 2).map((r) => r.curp)), OFFICER, PURPOSE);
    const for2 = sent.length - before2;
    const before20 = sent.length;
    const res = await run(STATUS_ENTITIES, people(rows.map((r) => r.curp)), OFFICER, PURPOSE);
    const for20 = sent.length - before20;
    expect((res.data as { _entities: unknown[] })._entities).toHaveLength(20);
    expect(for20).toBe(for2);
    expect(for20).toBeLessThanOrEqual(2); // one read (repository.ts statusFacts), one audit insert
  });

  it('never names a template envelope column on a read path; only a verification does', async () => {
    const start = sent.length;
    await run(STATUS_ENTITIES, people([insuredCurp, pensionerCurp]), OFFICER, PURPOSE);
    await run(DATA_ENTITIES, people([insuredCurp]), { sub: 'i', roles: ['INSURED'], curp: insuredCurp });
    const reads = sent.slice(start);
    expect(reads.length).toBeGreaterThanOrEqual(5); // status: one read and its audit; stored data: two reads and their audit
    expect(reads.filter((q) => ENVELOPE_COLUMNS.test(q))).toEqual([]);

    const fingers = syntheticFingerSet(20_261_209);
    const verify = await run(gql`mutation($i: VerifyBiometricInput!) { verifyBiometric(input: $i) { result } }`, { i: { curp: insuredCurp, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.genuine)) } }, OFFICER, PURPOSE);
    expect(verify.data).toEqual({ verifyBiometric: { result: 'NO_MATCH' } });
    expect(sent.slice(start + reads.length).filter((q) => ENVELOPE_COLUMNS.test(q))).toHaveLength(1);
  });
});
