/**
 * Starts one subgraph on its own port: opens its pool, builds its module and serves it. Used by
 * `npm run start:subgraph -- <name>`, by `npm start` (one child process per subgraph) and by the
 * integration tests (in-process, real HTTP).
 */
import { openDatabase, type Database } from '../db/client.ts';
import type { SubgraphName } from '../schema/subgraphs.ts';
import type { SubgraphKeys } from '../schema/runtime/keys.ts';
import { appointmentsSubgraph } from './appointments/index.ts';
import { biometricsSubgraph } from './biometrics/index.ts';
import { enrollmentsSubgraph } from './enrollments/index.ts';
import { personsSubgraph } from './persons/index.ts';
import { createCertificateSigner } from './persons/services/certificate.ts';
import type { BaseContext } from './shared/context.ts';
import { createIdentityVerifier } from '../schema/identity/gateway-token.ts';
import type { RunningHttpServer } from '../schema/runtime/http-server.ts';
import { startSubgraphServer, type SubgraphModule } from './shared/subgraph-server.ts';


export interface RunSubgraphOptions {
  name: SubgraphName;
  databaseUrl: string;
  port: number;
  keys: SubgraphKeys;
  production?: boolean;
  /** The clock, injectable for tests of date rules. @default () => new Date() */
  now?: () => Date;
  /** Pool size. @default 10 */
  poolSize?: number;
}

export interface RunningSubgraph {
  name: SubgraphName;
  http: RunningHttpServer;
  database: Database;
  close(): Promise<void>;
}

export async function buildSubgraphModule(
  name: SubgraphName,
  keys: SubgraphKeys,
  now: () => Date,
): Promise<SubgraphModule<BaseContext>> {
  switch (name) {
    case 'persons': {
      if (!keys.certificate) throw new Error('the persons subgraph needs CERTIFICATE_SIGNING_KEY');
      const certificates = await createCertificateSigner(keys.certificate.privateKey, keys.certificate.publicKey);
      return personsSubgraph({ certificates, now }) as unknown as SubgraphModule<BaseContext>;
    }
    case 'enrollments':
      return enrollmentsSubgraph() as unknown as SubgraphModule<BaseContext>;
    case 'appointments':
      return appointmentsSubgraph(now) as unknown as SubgraphModule<BaseContext>;
    case 'biometrics':
      return biometricsSubgraph() as unknown as SubgraphModule<BaseContext>;
  }
}

export async function runSubgraph(options: RunSubgraphOptions): Promise<RunningSubgraph> {
  const database = openDatabase(options.databaseUrl, { name: options.name, max: options.poolSize ?? 10 });
  const module = await buildSubgraphModule(options.name, options.keys, options.now ?? (() => new Date()));
  const http = await startSubgraphServer(module, {
    database,
    port: options.port,
    production: options.production ?? false,
    identityVerifier: createIdentityVerifier({ publicKey: options.keys.gatewayPublicKey, audience: options.name }),
  });
  return {
    name: options.name,
    http,
    database,
    async close() {
      await http.close();
      await database.close();
    },
  };
}
