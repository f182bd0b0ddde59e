/** Wires the gateway from configuration and keys (used by gateway/index.ts, npm start and tests). */
import { documentPublicJwk } from '../schema/documents/public-jwk.ts';
import { createIdentitySigner } from '../schema/identity/gateway-token.ts';
import type { RunningHttpServer } from '../schema/runtime/http-server.ts';
import { createServiceMetrics } from '../schema/runtime/metrics.ts';
import { createClientTokenVerifier } from './auth/client-token.ts';
import type { GatewayConfig } from './config.ts';
import { startGateway } from './server.ts';
import type { SystemKeys } from './system-keys.ts';

/**
 * `processMetrics`: Node's process metrics on /metrics too (the service process; not in-process tests).
 * `now`: the clock partner quotas count months by (tests move it across a month).
 */
export async function createGateway(config: GatewayConfig, keys: SystemKeys, options: { processMetrics?: boolean; now?: () => Date } = {}): Promise<RunningHttpServer> {
  const documentJwks = await Promise.all(keys.documentKeys.map((key) => documentPublicJwk(key)));
  return startGateway({
    config,
    clientTokens: createClientTokenVerifier(keys.client),
    identitySigner: createIdentitySigner({ privateKey: keys.gatewaySigningKey }),
    publishedKeys: async () => documentJwks,
    metrics: createServiceMetrics({ service: 'gateway', processMetrics: options.processMetrics }),
    now: options.now,
  });
}
