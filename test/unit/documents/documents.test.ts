/** Signed documents: what one subgraph signs, any other (and any third party) verifies, and nothing else passes. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../../../schema/documents/document-types.ts';
import { createDocumentSigner } from '../../../subgraphs/shared/documents/document-signer.ts';
import { createDocumentVerifier } from '../../../subgraphs/shared/documents/document-verifier.ts';

const biometricsKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const personsKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const now = new Date('2026-12-01T12:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('signed documents', () => {
  it('a document signed by one subgraph verifies with the published keys of all', async () => {
    const signer = await createDocumentSigner('biometrics', biometricsKey);
    const verifier = await createDocumentVerifier([personsKey.publicKey, biometricsKey.publicKey]);
    const doc = await signer.sign(DOCUMENT_TYPES.IDENTITY_ASSERTION, { sub: 'employer-1', method: 'EFIRMA' }, { now, expiresAt: later(3600) });
    const payload = await verifier.verify(doc.jws, { type: DOCUMENT_TYPES.IDENTITY_ASSERTION, issuer: 'biometrics', now: later(60) });
    expect(payload).toMatchObject({ sub: 'employer-1', method: 'EFIRMA', iss: 'imss-federation:biometrics', jti: doc.id });
  });

  it('refuses a document of another type, from another issuer, expired, or tampered with', async () => {
    const signer = await createDocumentSigner('biometrics', biometricsKey);
    const verifier = await createDocumentVerifier([biometricsKey.publicKey]);
    const doc = await signer.sign(DOCUMENT_TYPES.IDENTITY_ASSERTION, { sub: 'employer-1' }, { now, expiresAt: later(3600) });
    const expect_ = { type: DOCUMENT_TYPES.IDENTITY_ASSERTION, issuer: 'biometrics' as const, now: later(60) };
    await expect(verifier.verify(doc.jws, { ...expect_, type: DOCUMENT_TYPES.RECEIPT })).rejects.toMatchObject({ code: 'DOCUMENT_INVALID' });
    await expect(verifier.verify(doc.jws, { ...expect_, issuer: 'persons' })).rejects.toMatchObject({ code: 'DOCUMENT_INVALID' });
    await expect(verifier.verify(doc.jws, { ...expect_, now: later(7200) })).rejects.toMatchObject({ code: 'DOCUMENT_INVALID' });
    const [h, p, sig] = doc.jws.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: 'employer-2' })).toString('base64url');
    await expect(verifier.verify([h, forged, sig].join('.'), expect_)).rejects.toMatchObject({ code: 'DOCUMENT_INVALID' });
  });

  it('refuses a document signed with a key that is not published', async () => {
    const rogue = await createDocumentSigner('biometrics', generateKeyPairSync('ec', { namedCurve: 'P-256' }));
    const verifier = await createDocumentVerifier([biometricsKey.publicKey]);
    const doc = await rogue.sign(DOCUMENT_TYPES.IDENTITY_ASSERTION, { sub: 'employer-1' }, { now });
    await expect(verifier.verify(doc.jws, { type: DOCUMENT_TYPES.IDENTITY_ASSERTION, issuer: 'biometrics', now })).rejects.toMatchObject({ code: 'DOCUMENT_INVALID' });
  });
});
