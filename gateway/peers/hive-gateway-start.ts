/**
 * `npm run start:hive-gateway`: Hive Gateway with the IMSS identity plugin (hive-gateway.ts) on
 * HIVE_GATEWAY_HOST:HIVE_GATEWAY_PORT (default 127.0.0.1:4020), serving SUPERGRAPH_PATH (default
 * the committed supergraph). HIVE_PLANNER=rust uses the Rust query planner, `js` (default) Hive's
 * own. Subgraphs: PERSONS_URL, … (else the supergraph's URLs). Keys as the gateway's: production
 * needs GATEWAY_SIGNING_KEY and the AUTH_* variables; development uses the shared dev keys.
 */
import { loadGatewayKeysFromEnv } from '../auth/keys.ts';
import { loadGatewayConfig } from '../config.ts';
import { loadSystemKeys } from '../system-keys.ts';
import { isProduction } from '../../schema/runtime/environment.ts';
import { logger } from '../../schema/runtime/logger.ts';
import { onShutdown } from '../../schema/runtime/shutdown.ts';
import { SUBGRAPH_NAMES, SUPERGRAPH_PATH } from '../../schema/subgraphs.ts';
import { startHiveGateway, subgraphUrlsFromEnv } from './hive-gateway.ts';

const log = logger.child({ component: 'hive-gateway' });
const planner = process.env.HIVE_PLANNER ?? 'js';
if (planner !== 'js' && planner !== 'rust') throw new Error(`HIVE_PLANNER must be js or rust, not ${planner}`);
const keys = isProduction() ? loadGatewayKeysFromEnv(process.env) : await loadSystemKeys().then((k) => ({ signingKey: k.gatewaySigningKey, client: k.client }));
const gateway = await startHiveGateway(
  {
    supergraphPath: process.env.SUPERGRAPH_PATH || SUPERGRAPH_PATH, planner, subgraphUrls: subgraphUrlsFromEnv(process.env, SUBGRAPH_NAMES), keys, log,
    // The case check's timeout as our gateway and the Router coprocessor read it (APPOINTMENTS_TIMEOUT_MS).
    caseTimeoutMs: loadGatewayConfig(process.env).resilience.timeoutMs.appointments,
  },
  { port: Number(process.env.HIVE_GATEWAY_PORT ?? 4020), host: process.env.HIVE_GATEWAY_HOST || '127.0.0.1' },
);
log.info({ url: gateway.url, planner }, 'hive gateway ready');
process.send?.({ ready: 'hive-gateway', url: gateway.url });
onShutdown(log, () => gateway.close());
