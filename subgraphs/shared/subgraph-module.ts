/**
 * The contract every subgraph implements, and the only thing the runtime knows about one: its
 * name, and how to build its resolvers, shield rules and per-request context from the shared
 * dependencies. subgraphs/registry.ts lists the four; nothing else switches on a subgraph's name.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { IRules } from 'graphql-shield';
import type { Database } from '../../db/client.ts';
import type { SubgraphKeys } from '../../schema/runtime/keys.ts';
import type { Logger } from '../../schema/runtime/logger.ts';
import type { SubgraphName } from '../../schema/subgraphs.ts';
import type { BaseContext } from './context.ts';
import type { DocumentSigner } from './documents/document-signer.ts';
import type { DocumentVerifier } from './documents/document-verifier.ts';

/** What the runtime hands every subgraph when it starts. */
export interface SubgraphDependencies {
  database: Database;
  keys: SubgraphKeys;
  /** The clock, injectable so that date rules are testable. */
  now: () => Date;
  log: Logger;
  /** Signs this subgraph's documents and verifies any subgraph's (schema/documents). */
  documents: { signer: DocumentSigner; verifier: DocumentVerifier };
}

export interface SubgraphInstance {
  /** The subgraph's generated `Resolvers`, typed with its own context (hence `any` here). */
  resolvers: GraphQLResolverMap<any>;
  /** The graphql-shield map: deny by default, see shared/shield.ts. */
  permissions: IRules;
  /** The subgraph's per-request context, built on the shared one. */
  context(base: BaseContext): BaseContext;
  /** Extra HTTP routes; return true when handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Stops what the subgraph started beside serving (timers), after the server stops. */
  close?: () => Promise<void>;
}

export interface SubgraphModule {
  name: SubgraphName;
  create(deps: SubgraphDependencies): SubgraphInstance | Promise<SubgraphInstance>;
}
