/** `npm run start:gateway`: the gateway alone, in front of subgraphs already running (<NAME>_URL). */
import { logger } from '../schema/runtime/logger.ts';
import { onShutdown } from '../schema/runtime/shutdown.ts';
import { startTracing } from '../schema/runtime/telemetry.ts';
import { loadGatewayConfig } from './config.ts';
import { createGateway } from './create.ts';
import { limitHeapGrowth } from './heap-growth.ts';
import { loadSystemKeys } from './system-keys.ts';

const log = logger.child({ component: 'gateway' });
// Off unless OTEL_* configures an exporter (docs/operations.md, "Traces").
const tracing = startTracing({ serviceName: 'imss-gateway' });
const config = loadGatewayConfig();
// The process's own memory setting, not the library's: createGateway also runs inside tests.
limitHeapGrowth(config.heapGrowingPercent);
const gateway = await createGateway(config, await loadSystemKeys(), { processMetrics: true });
// Handlers first: a supervisor may signal as soon as it hears that we are ready.
onShutdown(log, async (settings) => {
  const drained = await gateway.close(settings);
  await tracing.shutdown();
  return drained;
});
log.info({ url: gateway.url }, 'gateway ready');
if (process.send) process.send({ ready: 'gateway', url: gateway.url });
