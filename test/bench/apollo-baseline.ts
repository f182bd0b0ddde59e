/**
 * The peer to beat: @apollo/gateway "as shipped" (default fetcher, no keep-alive, no limits),
 * in front of the same subgraphs. It adds the identity token (or the subgraphs would refuse it),
 * with the declared purpose and staff's grounds (the case verified with appointments, as every
 * gateway must); nothing else. Started as its own process by bench/run.ts.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH, defaultSubgraphUrl, isSubgraphName } from '../../schema/subgraphs.ts';
import { IDENTITY_HEADER, createIdentitySigner } from '../../schema/identity/gateway-token.ts';
import { createClientTokenVerifier } from '../../gateway/auth/client-token.ts';
import { loadSystemKeys } from '../../gateway/system-keys.ts';
import type { Identity } from '../../schema/identity/viewer.ts';
import type { AccessGrounds } from '../../schema/identity/access-grounds.ts';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../../schema/identity/idempotency-key.ts';
import { parsePurpose } from '../../schema/identity/purpose.ts';
import { accessGrounds } from '../../gateway/access-grounds.ts';
import { createCaseVerifier } from '../../gateway/case-verification.ts';

type Context = { identity: Identity; purpose: string | null; grounds: AccessGrounds; idempotencyKey: string | null };

const keys = await loadSystemKeys();
const signer = createIdentitySigner({ privateKey: keys.gatewaySigningKey });
const clientTokens = createClientTokenVerifier(keys.client);

const cases = createCaseVerifier({ appointmentsUrl: process.env.APPOINTMENTS_URL ?? defaultSubgraphUrl('appointments'), fetcher: fetch as never, signer });

class WithIdentity extends RemoteGraphQLDataSource<Context> {
  override async willSendRequest({ request, context }: Parameters<RemoteGraphQLDataSource<Context>['willSendRequest'] & {}>[0]) {
    if (context?.identity) request.http!.headers.set(IDENTITY_HEADER, await signer.sign(context.identity, this.name, context.purpose, context.grounds, context.idempotencyKey));
  }
  constructor(readonly name: string, url: string) {
    super({ url });
  }
}

// As shipped, except that it sends nothing off this machine (usage telemetry, cloud metadata probes).
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
  buildService: ({ name, url }) => new WithIdentity(name, isSubgraphName(name) ? process.env[`${name.toUpperCase()}_URL`] ?? url! : url!),
});
const server = new ApolloServer<Context>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.GATEWAY_PORT ?? 0), host: '127.0.0.1' },
  context: async ({ req }) => {
    const identity = await clientTokens.verify(req.headers.authorization);
    const header = req.headers['x-access-purpose'];
    const purpose = parsePurpose(Array.isArray(header) ? header.join(',') : header);
    const grounds = await accessGrounds(identity, purpose, { case: req.headers['x-access-case'], exception: req.headers['x-access-exception'] }, cases);
    return { identity, purpose, grounds, idempotencyKey: parseIdempotencyKey(req.headersDistinct[IDEMPOTENCY_KEY_HEADER]) };
  },
});
process.send?.({ ready: 'apollo-baseline', url });
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
