/**
 * Helpers for the identity tests: real keys generated per test file (nothing on disk, nothing
 * committed) and hand-built tokens for the attacks a library would refuse to produce.
 */
import { base64url, exportSPKI, generateKeyPair, type CryptoKey } from 'jose';

export const SETTINGS = Object.freeze({ issuer: 'https://idp.test.imss', audience: 'imss-federation' });

export interface TestKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicKeyPem: string;
}

export async function testKeys(alg: 'ES256' | 'RS256' | 'Ed25519'): Promise<TestKeys> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicKey, publicKeyPem: await exportSPKI(publicKey) };
}

const encodeJson = (value: unknown) => base64url.encode(JSON.stringify(value));

export function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return JSON.parse(new TextDecoder().decode(base64url.decode(part))) as Record<string, unknown>;
}

/** Replaces the payload and keeps the original signature (which no longer matches). */
export function withPayload(token: string, payload: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  return `${header}.${encodeJson(payload)}.${signature}`;
}

/** An unsecured JWT (`alg: none`, empty signature) with the given claims. */
export function unsignedToken(payload: Record<string, unknown>): string {
  return `${encodeJson({ alg: 'none', typ: 'JWT' })}.${encodeJson(payload)}.`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
