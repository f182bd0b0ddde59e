/**
 * The four subgraphs of the supergraph: their names, SDL files and default local URLs.
 * One list, used by composition, the gateway, the subgraph servers and the tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SUBGRAPH_NAMES = ['persons', 'enrollments', 'appointments', 'biometrics'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Default ports for `npm start`; each can be overridden (see README, configuration). */
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  persons: 4001,
  enrollments: 4002,
  appointments: 4003,
  biometrics: 4004,
};

export function isSubgraphName(value: string): value is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(value);
}

/** Resolved relative to this file so that the working directory never matters. */
export function subgraphSdlPath(name: SubgraphName): string {
  return fileURLToPath(new URL(`./${name}.graphql`, import.meta.url));
}

export function readSubgraphSdl(name: SubgraphName): string {
  return readFileSync(subgraphSdlPath(name), 'utf8');
}

export const SUPERGRAPH_PATH = fileURLToPath(new URL('./supergraph.graphql', import.meta.url));

export function defaultSubgraphUrl(name: SubgraphName): string {
  return `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`;
}
