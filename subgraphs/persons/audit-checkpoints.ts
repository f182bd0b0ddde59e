/**
 * The persons subgraph publishes the audit chains' checkpoints (subgraphs/shared/audit/checkpoints.ts)
 * every AUDIT_CHECKPOINT_INTERVAL_MS (default 10 s; 0 turns it off), and once more when it stops. It
 * is the subgraph that may read the trail; any replica may do it, since checkpoints only add evidence.
 */
import type { Database } from '../../db/client.ts';
import { auditCheckpointDir } from '../../db/config.ts';
import type { SubgraphKeys } from '../../schema/runtime/keys.ts';
import type { Logger } from '../../schema/runtime/logger.ts';
import { createCheckpointWriter } from '../shared/audit/checkpoints.ts';

export function startCheckpoints(database: Database, keys: SubgraphKeys, log: Logger, env: NodeJS.ProcessEnv = process.env) {
  const interval = Number(env.AUDIT_CHECKPOINT_INTERVAL_MS ?? 10_000);
  if (!(interval > 0)) return { stop: async () => undefined };
  const writer = createCheckpointWriter({ sql: database.sql, privateKey: keys.auditSigning.privateKey, publicKey: keys.auditSigning.publicKey, dir: auditCheckpointDir(env) });
  const run = () => writer.checkpoint().catch((error: unknown) => log.error({ err: error }, 'audit checkpoint failed'));
  const timer = setInterval(run, interval);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await run();
    },
  };
}
