/**
 * One subgraph in process, without HTTP: the shielded schema executed with a context built exactly
 * as the server builds it (subgraphs/shared/subgraph-server.ts), on the subgraph's own database
 * role. What the gateway's entity fetches meet, fast enough for every `_entities` case.
 */
import { ApolloServer } from '@apollo/server';
import { openDatabase } from '../../db/client.ts';
import { developmentRoleUrl } from '../../db/privileges.ts';
import { NO_GROUNDS, type AccessGrounds } from '../../schema/identity/access-grounds.ts';
import type { Identity } from '../../schema/identity/viewer.ts';
import { logger } from '../../schema/runtime/logger.ts';
import type { SubgraphName } from '../../schema/subgraphs.ts';
import { SUBGRAPHS } from '../../subgraphs/registry.ts';
import type { BaseContext } from '../../subgraphs/shared/context.ts';
import type { SubgraphModule } from '../../subgraphs/shared/subgraph-module.ts';
import { createDocumentSigner } from '../../subgraphs/shared/documents/document-signer.ts';
import { createDocumentVerifier } from '../../subgraphs/shared/documents/document-verifier.ts';
import { buildShieldedSchema, createBaseContext } from '../../subgraphs/shared/subgraph-server.ts';
import { createAuditSigner } from '../../subgraphs/shared/audit/row-signature.ts';
import { identityFor } from './gateway-token.ts';
import { generateTestKeys } from './keys.ts';

export interface InProcessSubgraph {
  /**
   * Runs `query` as the viewer with these identity claims (null: anonymous), with a declared
   * purpose and the grounds the gateway would have verified (a case, or a declared exception).
   */
  execute(query: string, variables: Record<string, unknown>, as: { claims: Record<string, unknown> | null; purpose?: string | null; grounds?: AccessGrounds; requestId?: string }): Promise<{ data?: any; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }>;
  close(): Promise<void>;
  /** Statements the subgraph's pool has sent. */
  statements: { count: number };
}

export interface InProcessOptions {
  /** @default () => new Date() */
  now?: () => Date;
  /** The module to run instead of the registry's (e.g. one given its own keys). */
  module?: SubgraphModule;
  /** Sees the text of every statement the subgraph sends. */
  onStatement?: (text: string) => void;
}

export async function inProcessSubgraph(name: SubgraphName, databaseUrl: string, options: InProcessOptions = {}): Promise<InProcessSubgraph> {
  const now = options.now ?? (() => new Date());
  const database = openDatabase(developmentRoleUrl(name, databaseUrl), { name, countStatements: true, ...(options.onStatement ? { onStatement: options.onStatement } : {}) });
  const keys = generateTestKeys().subgraph(name);
  const documents = { signer: await createDocumentSigner(name, keys.documentSigning), verifier: await createDocumentVerifier(keys.documentKeys) };
  const instance = await (options.module ?? SUBGRAPHS[name]).create({ database, keys, now, log: logger, documents });
  const auditSigner = createAuditSigner(keys.auditSigning.privateKey);
  const apollo = new ApolloServer<BaseContext>({ schema: buildShieldedSchema(name, instance) });
  await apollo.start();
  return {
    async execute(query, variables, as) {
      const identity: Identity = as.claims ? identityFor(as.claims) : { kind: 'anonymous' };
      const base = createBaseContext({ name, database, now, log: logger, auditSigner }, { identity, purpose: as.purpose ?? null, grounds: as.grounds ?? NO_GROUNDS }, as.requestId ?? 'test-request');
      const response = await apollo.executeOperation({ query, variables }, { contextValue: instance.context(base) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult;
    },
    async close() {
      await apollo.stop();
      await database.close();
    },
    statements: database.statements,
  };
}
