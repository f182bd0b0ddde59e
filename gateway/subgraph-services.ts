/**
 * One data source per subgraph for @apollo/gateway's `buildService`: the configured URL (the one in
 * the supergraph is only a default), that subgraph's timeout, and its own circuit breaker, whose
 * changes of state are logged. Breakers outlive a supergraph reload: a subgraph that was failing
 * stays known as failing.
 */
import type { ServiceEndpointDefinition } from '@apollo/gateway';
import { isSubgraphName } from '../schema/subgraphs.ts';
import type { Logger } from '../schema/runtime/logger.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import type { GatewayConfig } from './config.ts';
import { IdentityPropagatingDataSource, type IdentitySignerLike } from './datasource.ts';
import type { KeepAliveFetcher } from './fetcher.ts';
import type { ServiceMetrics } from '../schema/runtime/metrics.ts';
import { observedFetcher } from './subgraph-fetch.ts';

export interface SubgraphServicesOptions {
  config: Pick<GatewayConfig, 'subgraphUrls' | 'subgraphTimeoutMs' | 'resilience'>;
  http: KeepAliveFetcher;
  signer: IdentitySignerLike;
  log: Logger;
  /** Per-subgraph call metrics (subgraph-fetch.ts); traces follow the calls either way. */
  metrics?: ServiceMetrics;
}

export function subgraphServices(options: SubgraphServicesOptions): (definition: ServiceEndpointDefinition) => IdentityPropagatingDataSource {
  const { config, log } = options;
  const breakers = new Map<string, CircuitBreaker>();
  const breakerFor = (name: string) => {
    let breaker = breakers.get(name);
    if (!breaker) {
      breaker = new CircuitBreaker(config.resilience.circuit, Date.now, ({ from, to, failures }) => {
        const entry = { subgraph: name, from, to, failures };
        if (to === 'open') log.warn(entry, 'subgraph circuit opened: failing fast');
        else log.info(entry, to === 'closed' ? 'subgraph circuit closed: calls resumed' : 'subgraph circuit half-open: one probe');
      });
      breakers.set(name, breaker);
    }
    return breaker;
  };
  return ({ name, url }) => {
    const known = isSubgraphName(name);
    const target = known ? config.subgraphUrls[name] : url;
    if (!target) throw new Error(`the supergraph gives no URL for subgraph ${name}`);
    const timeoutMs = known ? config.resilience.timeoutMs[name] : config.subgraphTimeoutMs;
    return new IdentityPropagatingDataSource(name, target, observedFetcher(options.http.withTimeout(timeoutMs), name, options.metrics), options.signer, {
      breaker: breakerFor(name),
      queryRetries: config.resilience.queryRetries,
      log,
    });
  };
}
