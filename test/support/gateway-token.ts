/** Signs gateway→subgraph identity tokens with the test system's key, for direct subgraph calls. */
import { NO_GROUNDS, type AccessGrounds } from '../../schema/identity/access-grounds.ts';
import { createIdentitySigner } from '../../schema/identity/gateway-token.ts';
import { viewerFromClaims, identityClaimsSchema, type Identity } from '../../schema/identity/viewer.ts';
import type { TestSystem } from './system.ts';

export function identityFor(claims: Record<string, unknown>): Identity {
  return { kind: 'user', viewer: viewerFromClaims(identityClaimsSchema.parse(claims)) };
}

export async function gatewayTokenFor(system: TestSystem, subgraph: string, identity: Identity, purpose: string | null = null, grounds: AccessGrounds = NO_GROUNDS) {
  return createIdentitySigner({ privateKey: system.keys.gatewaySigningKey }).sign(identity, subgraph, purpose, grounds);
}
