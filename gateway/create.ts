/** Wires the gateway from configuration and keys (used by gateway/index.ts, npm start and tests). */
import { certificatePublicJwk } from '../subgraphs/persons/services/certificate.ts';
import { createIdentitySigner } from '../subgraphs/shared/identity/gateway-token.ts';
import type { RunningHttpServer } from '../subgraphs/shared/http-server.ts';
import { createClientTokenVerifier } from './auth/client-token.ts';
import type { GatewayConfig } from './config.ts';
import { startGateway } from './server.ts';
import type { SystemKeys } from './system-keys.ts';

export async function createGateway(config: GatewayConfig, keys: SystemKeys): Promise<RunningHttpServer> {
  const certificateJwk = await certificatePublicJwk(keys.certificate.publicKey);
  return startGateway({
    config,
    clientTokens: createClientTokenVerifier(keys.client),
    identitySigner: createIdentitySigner({ privateKey: keys.gatewaySigningKey }),
    publishedKeys: async () => [certificateJwk],
  });
}
