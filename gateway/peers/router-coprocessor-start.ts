/**
 * `npm run start:router-coprocessor`: the Apollo Router coprocessor (router-coprocessor.ts) on
 * ROUTER_COPROCESSOR_HOST:ROUTER_COPROCESSOR_PORT (default 127.0.0.1:4010: beside the Router).
 * Keys as the gateway's: production needs GATEWAY_SIGNING_KEY and the AUTH_* variables; development
 * uses the shared dev keys, so the example tokens of `npm start` work through the Router too.
 */
import { createClientTokenVerifier } from '../auth/client-token.ts';
import { createCaseVerifier } from '../case-verification.ts';
import { createKeepAliveFetcher } from '../fetcher.ts';
import { loadGatewayKeysFromEnv } from '../auth/keys.ts';
import { loadSystemKeys } from '../system-keys.ts';
import { createIdentitySigner } from '../../schema/identity/gateway-token.ts';
import { isProduction } from '../../schema/runtime/environment.ts';
import { logger } from '../../schema/runtime/logger.ts';
import { onShutdown } from '../../schema/runtime/shutdown.ts';
import { startRouterCoprocessor } from './router-coprocessor.ts';

const log = logger.child({ component: 'router-coprocessor' });
// Production: only what the coprocessor uses (it publishes no document keys, so needs none).
const keys = isProduction() ? loadGatewayKeysFromEnv(process.env) : await loadSystemKeys().then((k) => ({ signingKey: k.gatewaySigningKey, client: k.client }));
const identitySigner = createIdentitySigner({ privateKey: keys.signingKey });
// X-Access-Case is verified with appointments as the caller, as our gateway does (APPOINTMENTS_URL).
const caseTimeoutMs = Number(process.env.APPOINTMENTS_TIMEOUT_MS ?? 5_000);
const cases = createCaseVerifier({ appointmentsUrl: process.env.APPOINTMENTS_URL || 'http://127.0.0.1:4003/graphql', fetcher: createKeepAliveFetcher(caseTimeoutMs).withTimeout(caseTimeoutMs), signer: identitySigner });
const coprocessor = await startRouterCoprocessor(
  { clientTokens: createClientTokenVerifier(keys.client), identitySigner, cases, log },
  { port: Number(process.env.ROUTER_COPROCESSOR_PORT ?? 4010), host: process.env.ROUTER_COPROCESSOR_HOST || '127.0.0.1' },
);
log.info({ url: coprocessor.url }, 'router coprocessor ready');
onShutdown(log, () => coprocessor.close());
