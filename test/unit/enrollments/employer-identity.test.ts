/** The employer identity assertion contract with the biometrics subgraph (services/employer-identity.ts). */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../../../schema/documents/document-types.ts';
import type { EnrollmentsContext } from '../../../subgraphs/enrollments/context.ts';
import { verifyEmployerIdentity } from '../../../subgraphs/enrollments/services/employer-identity.ts';
import { clockAt } from '../../../subgraphs/shared/context.ts';
import { createDocumentSigner } from '../../../subgraphs/shared/documents/document-signer.ts';
import { createDocumentVerifier } from '../../../subgraphs/shared/documents/document-verifier.ts';

const biometrics = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const persons = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const now = new Date('2026-03-10T18:00:00Z');

async function context(subject = 'employer-1'): Promise<EnrollmentsContext> {
  const documents = await createDocumentVerifier([biometrics.publicKey, persons.publicKey]);
  const partial: Pick<EnrollmentsContext, 'documents' | 'clock' | 'viewer'> = {
    documents,
    clock: clockAt(now),
    viewer: { subject, roles: ['EMPLOYER'], curp: null, consulateId: null, employerRegistrations: ['Y1234567101'], bankId: null, subdelegation: null },
  };
  return partial as EnrollmentsContext;
}

async function assertion(claims: Record<string, unknown>, options: { key?: typeof biometrics; issuer?: 'biometrics' | 'persons'; type?: string; expiresAt?: Date | null } = {}) {
  const signer = await createDocumentSigner(options.issuer ?? 'biometrics', options.key ?? biometrics);
  const type = (options.type ?? DOCUMENT_TYPES.IDENTITY_ASSERTION) as typeof DOCUMENT_TYPES.IDENTITY_ASSERTION;
  const expiresAt = options.expiresAt === null ? undefined : (options.expiresAt ?? new Date(now.getTime() + 600_000));
  return (await signer.sign(type, { sub: 'employer-1', employer_registrations: ['Y12-34567-10-1'], method: 'BIOMETRIC', ...claims }, { now, ...(expiresAt ? { expiresAt } : {}) })).jws;
}

describe('employer identity assertion', () => {
  it('accepts the contract: the caller as sub, the registration (any written form), a method, an expiry', async () => {
    await expect(verifyEmployerIdentity(await assertion({}), 'Y1234567101', await context())).resolves.toMatchObject({ method: 'BIOMETRIC' });
  });

  const refused: Array<[string, () => Promise<string>]> = [
    ['another subject', () => assertion({ sub: 'employer-2' })],
    ['another registration', () => assertion({ employer_registrations: ['B9876543101'] })],
    ['no registrations claim', () => assertion({ employer_registrations: 'Y1234567101' })],
    ['an unknown method', () => assertion({ method: 'SMS' })],
    ['no expiry', () => assertion({}, { expiresAt: null })],
    ['an expired assertion', () => assertion({}, { expiresAt: new Date(now.getTime() - 1000) })],
    ['another issuer', () => assertion({}, { issuer: 'persons', key: persons })],
    ['another document type', () => assertion({}, { type: DOCUMENT_TYPES.RECEIPT })],
  ];
  for (const [name, make] of refused) {
    it(`refuses ${name} with EMPLOYER_IDENTITY_NOT_VERIFIED`, async () => {
      await expect(verifyEmployerIdentity(await make(), 'Y1234567101', await context())).rejects.toMatchObject({ extensions: { code: 'EMPLOYER_IDENTITY_NOT_VERIFIED' } });
    });
  }
});
