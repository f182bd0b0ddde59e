/**
 * Master key rotation without downtime: every record's data key is re-wrapped under the target
 * master key (crypto/envelope.ts rewrapDataKey: 32 bytes re-encrypted, the template itself never
 * decrypted), a batch per transaction.
 *
 * Why it is safe to interrupt and re-run at any point:
 * - a batch is one transaction: a crash (kill -9, lost connection) rolls the batch back whole, so a
 *   record is either still under its old key or completely under the new one, never in between;
 * - what is left to do is read from the data itself (records with a data key whose master key is
 *   not the target), so a re-run simply continues: there is no checkpoint to lose or corrupt;
 * - the update is a compare-and-set on the old key id and on the data key still existing, and the
 *   rows are locked for the batch, so a concurrent re-capture or revocation (crypto-shredding) is
 *   never undone.
 * Without downtime: the running subgraphs hold a ring with both keys (old to open records not yet
 * re-wrapped, new as current for new captures), so verification works throughout. Rows are
 * visited in id order; because ids are random, a capture made during a pass can fall behind the
 * cursor, so passes repeat until one finds nothing to do. A record that cannot be re-wrapped
 * (altered, or under a key missing from the ring) is reported and skipped, never retried in a loop.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../../db/client.ts';
import { rewrapDataKey } from '../crypto/envelope.ts';
import { MasterKeyNotFoundError, TemplateIntegrityError, TemplateShreddedError } from '../crypto/errors.ts';
import type { MasterKeyRing } from '../crypto/key-ring.ts';
import { rotationQueries } from '../repository.ts';

export interface RewrapOptions {
  /** Records per transaction. @default 100 */
  batchSize?: number;
  /** Pause between batches, to bound the load on a live database. @default 0 */
  pauseMs?: number;
  /** @default the ring's current key */
  targetKeyId?: string;
  onProgress?: (progress: RewrapProgress) => void;
}

export interface RewrapProgress {
  targetKeyId: string;
  /** Records that needed re-wrapping when the run started. */
  pendingAtStart: number;
  rewrapped: number;
  failed: number;
  batches: number;
}

export interface RewrapReport extends RewrapProgress {
  failures: Array<{ id: string; reason: string }>;
  /** Records still not under the target key when the run ended (failures included). */
  remaining: number;
}

export async function rewrapAll(database: Database, ring: MasterKeyRing, options: RewrapOptions = {}): Promise<RewrapReport> {
  const targetKeyId = options.targetKeyId ?? ring.currentKeyId;
  if (!ring.has(targetKeyId)) throw new MasterKeyNotFoundError({ masterKeyId: targetKeyId });
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 100));
  const progress: RewrapProgress = { targetKeyId, pendingAtStart: await pending(database, targetKeyId), rewrapped: 0, failed: 0, batches: 0 };
  const failures = new Map<string, string>();

  for (let passRewrapped = -1; passRewrapped !== 0;) {
    passRewrapped = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await database.db.transaction(async (tx) => {
        const records = await rotationQueries.lockBatch(tx, targetKeyId, afterId, batchSize, [...failures.keys()]);
        let rewrapped = 0;
        for (const record of records) {
          try {
            const next = rewrapDataKey(record.sealed, { recordId: record.id, curp: record.curp, modality: record.modality }, ring, targetKeyId);
            if (next.wrappedKey === null) continue;
            const wrap = { wrappedKey: next.wrappedKey, wrapIv: next.wrapIv, wrapTag: next.wrapTag, masterKeyId: next.masterKeyId };
            if (await rotationQueries.updateWrap(tx, record.id, record.sealed.masterKeyId, wrap)) rewrapped += 1;
          } catch (error) {
            if (!(error instanceof TemplateIntegrityError || error instanceof TemplateShreddedError)) throw error;
            failures.set(record.id, error instanceof TemplateIntegrityError ? error.details.reason : error.code);
          }
        }
        return { size: records.length, lastId: records.at(-1)?.id ?? null, rewrapped };
      });
      if (batch.size === 0) break;
      afterId = batch.lastId;
      passRewrapped += batch.rewrapped;
      progress.rewrapped += batch.rewrapped;
      progress.failed = failures.size;
      progress.batches += 1;
      options.onProgress?.({ ...progress });
      if (options.pauseMs) await sleep(options.pauseMs);
    }
  }
  return {
    ...progress,
    failures: [...failures].map(([id, reason]) => ({ id, reason })),
    remaining: await pending(database, targetKeyId),
  };
}

/** Records with a data key not yet under the target, per the database. */
export async function pending(database: Database, targetKeyId: string): Promise<number> {
  const rows = await rotationQueries.pendingByKey(database.db, targetKeyId);
  return rows.reduce((sum, row) => sum + row.records, 0);
}
