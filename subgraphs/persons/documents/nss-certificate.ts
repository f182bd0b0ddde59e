/**
 * Signing NSS certificates (constancias) as compact JWS (ES256). A bank or clinic verifies them
 * offline with the public key the gateway publishes at /.well-known/jwks.json (same key id, see
 * schema/documents/public-jwk.ts); the payload carries the data and the issue time, so nothing
 * needs to call back to IMSS. Only this subgraph holds the private key.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { CompactSign, type JWK } from 'jose';
import { documentPublicJwk } from '../../../schema/documents/public-jwk.ts';

export const CERTIFICATE_ISSUER = 'imss-federation:persons';
export const CERTIFICATE_TYPE = 'imss-nss-certificate+jwt';

export interface CertificateData {
  curp: string;
  nss: string;
  name: string;
  clinic: { number: number; name: string } | null;
}

export interface SignedCertificate {
  jws: string;
  keyId: string;
  issuedAt: Date;
}

export interface NssCertificateSigner {
  keyId: string;
  sign(data: CertificateData, now: Date): Promise<SignedCertificate>;
  publicJwk(): Promise<JWK>;
}

export async function createNssCertificateSigner({ privateKey, publicKey }: { privateKey: KeyObject; publicKey: KeyObject }): Promise<NssCertificateSigner> {
  const jwk = await documentPublicJwk(publicKey);
  const keyId = jwk.kid;
  return {
    keyId,
    async sign(data, now) {
      const payload = {
        iss: CERTIFICATE_ISSUER,
        sub: data.curp,
        jti: randomUUID(),
        iat: Math.floor(now.getTime() / 1000),
        certificate: { type: 'CONSTANCIA_NSS', ...data },
      };
      const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'ES256', kid: keyId, typ: CERTIFICATE_TYPE })
        .sign(privateKey);
      return { jws, keyId, issuedAt: now };
    },
    publicJwk: async () => jwk,
  };
}
