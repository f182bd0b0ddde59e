/**
 * The proof that no role reaches a template or a key, by any path: the SDL has no field that could
 * carry one; every role's answers through the gateway, `_entities` sent straight to the subgraph
 * with a gateway token, and unauthenticated direct calls contain none of the stored bytes (the
 * ciphertexts, IVs, tags, wrapped data keys) nor the decrypted templates, in any encoding.
 */
import { buildSchema, getNamedType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect } from 'vitest';
import { IDENTITY_HEADER } from '../../../schema/identity/gateway-token.ts';
import { ROLES, type Role } from '../../../schema/identity/viewer.ts';
import { openTemplate } from '../../../subgraphs/biometrics/crypto/envelope.ts';
import { loadBiometricMasterKeys } from '../../../subgraphs/biometrics/crypto/master-keys.ts';
import { systemTest as it } from '../../support/fixtures.ts';
import { gatewayTokenFor, identityFor } from '../../support/gateway-token.ts';
import { gql } from '../../support/graphql.ts';
import type { SeededSystem } from '../../support/seeded-system.ts';
import { base64, isoRecord, syntheticFingerSet } from '../../support/biometrics/templates.ts';
import { PURPOSE, crowdCurps, enrolFingerprint, officerFor } from './support.ts';

const EVERYTHING = `
  biometricStatus { enrolledModalities enrolledFingers consentInForce lastVerifiedAt lastVerification { at modality result } verifiedIdentityCurrent verifiedUntil lockedUntil }
  biometricData {
    consents { id purpose grantedAt office officerRole inForce revokedAt revokedBy }
    captures { id modality fingerPosition quality device office capturedAt consentId format active replacedAt shreddedAt }
    verifications { id modality fingerPosition result score threshold office attemptedAt lockedUntil }
  }`;
const READ_ALL = gql`query($c: Curp!) { person(curp: $c) { curp ${EVERYTHING} } }`;
const ME_ALL = gql`{ me { curp ${EVERYTHING} } }`;
const ENTITIES_ALL = gql`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { curp ${EVERYTHING} } } }`;

/** Every stored envelope field and every decrypted template, in the encodings a leak could take. */
async function storedSecrets(system: SeededSystem): Promise<string[]> {
  const ring = await loadBiometricMasterKeys();
  const rows = await system.db.database.sql<any[]>`
    select id, curp, modality, seal_version as version, ciphertext, iv, auth_tag as "authTag", wrapped_key as "wrappedKey", wrap_iv as "wrapIv", wrap_tag as "wrapTag", master_key_id as "masterKeyId"
    from biometrics.template_records`;
  const buffers: Buffer[] = [];
  for (const row of rows) {
    buffers.push(row.ciphertext, row.iv, row.authTag, row.wrapIv, row.wrapTag, ...(row.wrappedKey ? [row.wrappedKey] : []));
    if (row.wrappedKey) buffers.push(openTemplate(row, { recordId: row.id, curp: row.curp, modality: row.modality }, ring));
  }
  // Twelve bytes are enough to recognise any of them; shorter prefixes could occur by chance.
  return buffers.flatMap((b) => [b.toString('base64').slice(0, 16), b.toString('base64url').slice(0, 16), b.toString('hex').slice(0, 24), [...b.subarray(0, 12)].join(',')]);
}

function expectNoSecret(body: unknown, secrets: readonly string[], where: string): void {
  const text = JSON.stringify(body);
  for (const secret of secrets) expect(text.includes(secret), `${where} contains stored template bytes (${secret})`).toBe(false);
}

const claimsOf = (s: SeededSystem): Record<Role, Record<string, unknown>> => ({
  INSURED: { sub: 'i', roles: ['INSURED'], curp: s.insuredCurp },
  CONSULATE_STAFF: { sub: 'c', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' },
  EMPLOYER: { sub: 'dev-employer', roles: ['EMPLOYER'], employer_registrations: ['Y1234567101'] },
  BANK: { sub: 'b', roles: ['BANK'], bank_id: 'BANK-001' },
  ANALYST: { sub: 'a', roles: ['ANALYST'] },
  IMSS_OFFICER: { sub: 'o', roles: ['IMSS_OFFICER'], subdelegation: '01' },
});

describe('biometrics: no template or key leaves, for any role, by any path', () => {
  let schema: GraphQLSchema;
  const fingers = syntheticFingerSet(20_261_208);

  beforeAll(async () => {
    const { readSubgraphSdl } = await import('../../../schema/subgraphs.ts');
    const sdl = readSubgraphSdl('biometrics').replace(/extend schema[\s\S]*?\)\n/, '');
    schema = buildSchema(`scalar _Any\n${sdl}`, { assumeValidSDL: true });
  });

  it('the SDL has no output field or scalar that could carry a template, a probe or a key', () => {
    const outputs = Object.values(schema.getTypeMap()).filter(isObjectType).filter((t) => !t.name.startsWith('__') && t.name !== 'Mutation');
    const fields = outputs.flatMap((t) => Object.values(t.getFields()).map((f) => ({ path: `${t.name}.${f.name}`, type: getNamedType(f.type).name })));
    // A count (shreddedTemplates: Int) or a flag cannot carry bytes; anything else so named could.
    const suspicious = fields.filter((f) => /template|cipher|wrapped|datakey|masterkey|probe|minuti|embedding|bytes|blob|^iv$|tag$/i.test(f.path.split('.')[1]!));
    expect(suspicious.filter((f) => f.type !== 'Int' && f.type !== 'Boolean')).toEqual([]);
    const scalars = Object.values(schema.getTypeMap()).filter((t) => isScalarType(t) && !t.name.startsWith('__')).map((t) => t.name).sort();
    // FreeText (reviewed): inputs only — a consent's purpose, a device label, a subject — bounded text, never bytes.
    expect(scalars).toEqual(['Boolean', 'Curp', 'DateTime', 'Float', 'FreeText', 'ID', 'Int', 'String', '_Any']);
    // Every String an output can carry, reviewed: metadata only. A new one fails here until reviewed.
    expect(fields.filter((f) => f.type === 'String').map((f) => f.path).sort()).toEqual([
      'BiometricCapture.device', 'BiometricCapture.format', 'BiometricCapture.office',
      'BiometricConsent.office', 'BiometricConsent.officerRole', 'BiometricConsent.purpose', 'BiometricConsent.revokedBy',
      'BiometricVerification.office',
      'EmployerIdentityVerification.employerSubject', 'EmployerIdentityVerification.office', 'EmployerIdentityVerification.recordedByRole', 'EmployerIdentityVerification.registration',
      'IdentityAssertion.jws',
    ]);
  });

  it('introspection through the gateway finds no such field either', async ({ as }) => {
    const res = await as('IMSS_OFFICER', { purpose: PURPOSE }).query(gql`{ __schema { types { name fields { name } } } }`);
    const names = (res.data?.__schema.types ?? []).flatMap((t: { name: string; fields: { name: string }[] | null }) => (t.fields ?? []).map((f) => `${t.name}.${f.name}`));
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((n: string) => /^Biometric|^Person\.biometric|^IdentityAssertion|^Employer/.test(n) && /template|cipher|wrapped|key|probe/i.test(n))).toEqual([]);
  });

  it('every role, through the gateway, on every readable path, gets no stored bytes', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 0);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    const officer = officerFor(as, curp);
    const verification = await officer.query(gql`mutation($i: VerifyBiometricInput!) { verifyBiometric(input: $i) { id result score } }`, { i: { curp, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.genuine)) } });
    const secrets = await storedSecrets(system);
    expect(secrets.length).toBeGreaterThan(20);
    expectNoSecret(verification, secrets, 'verifyBiometric');
    for (const role of [...ROLES, 'ANONYMOUS'] as const) {
      for (const purpose of [PURPOSE, undefined]) {
        const client = as(role, { purpose });
        // Officers with a purpose read on each person's case: the widest access any role has.
        const staffOnCase = purpose && role === 'IMSS_OFFICER'; // consulates take no biometrics: no such case there
        for (const target of [system.insuredCurp, curp!]) {
          const reader = staffOnCase ? as(role, { purpose, caseFor: target }) : client;
          expectNoSecret(await reader.query(READ_ALL, { c: target }), secrets, `${role} person()`);
        }
        expectNoSecret(await client.query(ME_ALL), secrets, `${role} me`);
        expectNoSecret(await client.query(gql`{ employerIdentityAssertion(registration: "Y1234567101") { jws expiresAt method } }`), secrets, `${role} assertion`);
      }
    }
  });

  it('_entities sent straight to the subgraph, with a gateway token for every role, gets no stored bytes', async ({ system }) => {
    const secrets = await storedSecrets(system);
    for (const [role, claims] of Object.entries(claimsOf(system))) {
      for (const purpose of [PURPOSE, null]) {
        const token = await gatewayTokenFor(system, 'biometrics', identityFor(claims), purpose);
        const res = await system.post(system.subgraphs.biometrics.http.url, {
          query: ENTITIES_ALL,
          variables: { r: [system.insuredCurp, system.pensionerCurp].map((curp) => ({ __typename: 'Person', curp })) },
        }, { [IDENTITY_HEADER]: token });
        expect(res.status, role).toBe(200);
        expectNoSecret(res, secrets, `${role} _entities`);
      }
    }
  });

  it('_entities cannot name a capture or any other non-entity type', async ({ system }) => {
    const token = await gatewayTokenFor(system, 'biometrics', identityFor(claimsOf(system).INSURED));
    const [row] = await system.db.database.sql<{ id: string }[]>`select id from biometrics.template_records limit 1`;
    const res = await system.post(system.subgraphs.biometrics.http.url, {
      query: gql`query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
      variables: { r: [{ __typename: 'BiometricCapture', id: row!.id }] },
    }, { [IDENTITY_HEADER]: token });
    expect(res.data?._entities ?? [null]).toEqual([null]);
    expect(res.errors?.length).toBeGreaterThan(0);
  });

  it('a direct call without the gateway token is refused before anything runs', async ({ system }) => {
    const res = await system.post(system.subgraphs.biometrics.http.url, { query: ENTITIES_ALL, variables: { r: [{ __typename: 'Person', curp: system.insuredCurp }] } });
    expect(res.status).toBe(401);
    expect(res.data ?? null).toBeNull();
  });
});
