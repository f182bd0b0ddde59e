/**
 * Signed checkpoints of the audit chains' heads, published outside the database. A row's signature
 * proves who wrote it, and the hash chain proves the order, but someone with database access could
 * still delete a person's newest rows (or all of them) and leave a shorter chain that verifies.
 * Each checkpoint records, for every person whose chain grew since the last one, the head's
 * sequence number and hash, signed with the persons subgraph's audit key, as one line appended to a
 * file in `AUDIT_CHECKPOINT_DIR` — storage the database cannot touch (in production: write-once,
 * shipped elsewhere). The verifier (verify-trail.ts) then finds any chain shorter than its last
 * checkpoint. Rows appended after the last checkpoint are protected by the next one, so the
 * interval bounds what could go unnoticed.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type postgres from 'postgres';
import { auditKeyId } from './row-signature.ts';

export interface ChainHead {
  subjectCurp: string;
  seq: number;
  /** Hex of the head row's hash. */
  hash: string;
}

export interface Checkpoint {
  at: string;
  /** Highest sequence number covered: every row up to it was seen. */
  upToSeq: number;
  heads: ChainHead[];
}

const DOMAIN = 'imss-audit-checkpoint-v1';

/** Writes a checkpoint when any chain grew since the last one this writer wrote; returns it (or null). */
export function createCheckpointWriter(options: { sql: postgres.Sql; privateKey: KeyObject; publicKey: KeyObject; dir: string; now?: () => Date }) {
  const keyId = auditKeyId(options.publicKey);
  const file = () => join(options.dir, `checkpoints-${(options.now?.() ?? new Date()).toISOString().slice(0, 10)}-${hostname()}-${process.pid}.jsonl`);
  let lastSeq = 0;
  return {
    async checkpoint(): Promise<Checkpoint | null> {
      // Ordered by the number, not its text: an output column named seq would sort '9' after '10'.
      const heads = await options.sql<{ subject_curp: string; seq: string; hash: Buffer | null }[]>`
        select distinct on (e.subject_curp) e.subject_curp, e.seq::text as seq, e.hash from audit.access_events e
        where e.seq > ${lastSeq} order by e.subject_curp, e.seq desc`;
      if (heads.length === 0) return null;
      const checkpoint: Checkpoint = {
        at: (options.now?.() ?? new Date()).toISOString(),
        upToSeq: Math.max(...heads.map((h) => Number(h.seq))),
        heads: heads.map((h) => ({ subjectCurp: h.subject_curp, seq: Number(h.seq), hash: h.hash?.toString('hex') ?? '' })),
      };
      const body = JSON.stringify(checkpoint);
      const signature = sign(null, Buffer.from(`${DOMAIN}\n${body}`), options.privateKey).toString('base64url');
      await mkdir(options.dir, { recursive: true });
      await appendFile(file(), `${JSON.stringify({ keyId, signature, checkpoint: body })}\n`, { mode: 0o600 });
      lastSeq = checkpoint.upToSeq;
      return checkpoint;
    },
  };
}

/**
 * Every checkpoint in `dir` whose signature verifies with one of `keys`, oldest first; lines that
 * do not verify are returned apart, since a forged checkpoint is itself a finding.
 */
export async function readCheckpoints(dir: string, keys: readonly KeyObject[]): Promise<{ checkpoints: Checkpoint[]; invalid: string[] }> {
  const byId = new Map(keys.map((key) => [auditKeyId(key), key]));
  const files = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.jsonl')).sort();
  const checkpoints: Checkpoint[] = [];
  const invalid: string[] = [];
  for (const name of files) {
    for (const line of (await readFile(join(dir, name), 'utf8')).split('\n').filter(Boolean)) {
      try {
        const { keyId, signature, checkpoint } = JSON.parse(line) as { keyId: string; signature: string; checkpoint: string };
        const key = byId.get(keyId);
        if (!key || !verify(null, Buffer.from(`${DOMAIN}\n${checkpoint}`), key, Buffer.from(signature, 'base64url'))) throw new Error('bad signature');
        checkpoints.push(JSON.parse(checkpoint) as Checkpoint);
      } catch {
        invalid.push(`${name}: ${line.slice(0, 80)}`);
      }
    }
  }
  return { checkpoints: checkpoints.sort((a, b) => a.upToSeq - b.upToSeq), invalid };
}
