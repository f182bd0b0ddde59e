/** gateway/peers/router.yaml: what the coprocessor needs from the Router, and where the subgraphs are. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, NOT_FORWARDED } from '../../schema/identity/gateway-token.ts';
import { SUBGRAPH_NAMES, defaultSubgraphUrl } from '../../schema/subgraphs.ts';
import { ROOT } from '../support/compose.ts';
import { parseYamlSubset } from '../support/yaml-subset.ts';

const config = parseYamlSubset(readFileSync(`${ROOT}gateway/peers/router.yaml`, 'utf8')) as Record<string, any>;

describe('router.yaml', () => {
  it('propagates the client’s Authorization, access headers and Idempotency-Key to the subgraph stage, where the coprocessor removes them', () => {
    expect(config.headers.all.request).toEqual(['authorization', 'x-access-purpose', 'x-access-case', 'x-access-exception', 'idempotency-key'].map((named) => ({ propagate: { named } })));
    // Everything the coprocessor signs must reach it: each header kept from subgraphs but the cookie and a forged identity.
    const propagated = new Set(config.headers.all.request.map((rule: { propagate: { named: string } }) => rule.propagate.named));
    for (const header of NOT_FORWARDED) if (header !== 'cookie' && header !== IDENTITY_HEADER) expect(propagated, header).toContain(header);
  });

  it('calls the coprocessor at the router and subgraph request stages with the headers and the subgraph’s name', () => {
    expect(config.coprocessor.url).toBe('http://127.0.0.1:4010');
    expect(config.coprocessor.router.request).toEqual({ headers: true });
    expect(config.coprocessor.subgraph.all.request).toMatchObject({ headers: true, service_name: true });
    expect(config.coprocessor.subgraph.all.response).toBeUndefined();
  });

  it('lets the subgraphs’ error codes reach clients and points at every subgraph', () => {
    expect(config.include_subgraph_errors).toEqual({ all: true });
    expect(config.override_subgraph_url).toEqual(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, defaultSubgraphUrl(name)])));
  });
});
