/** `npm run start:gateway`: the gateway alone, in front of subgraphs already running (<NAME>_URL). */
import { logger } from '../schema/runtime/logger.ts';
import { onShutdown } from '../schema/runtime/shutdown.ts';
import { loadGatewayConfig } from './config.ts';
import { createGateway } from './create.ts';
import { loadSystemKeys } from './system-keys.ts';

const log = logger.child({ component: 'gateway' });
const gateway = await createGateway(loadGatewayConfig(), await loadSystemKeys());
// Handlers first: a supervisor may signal as soon as it hears that we are ready.
onShutdown(log, (settings) => gateway.close(settings));
log.info({ url: gateway.url }, 'gateway ready');
if (process.send) process.send({ ready: 'gateway', url: gateway.url });
