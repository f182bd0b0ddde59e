/**
 * `npm run audit:verify [-- --subject <CURP>]`: verifies the audit trail (signatures, chain,
 * checkpoints; subgraphs/shared/audit/verify-trail.ts) and exits 1 on any finding.
 * `npm run audit:checkpoint`: publishes one checkpoint of the chains' heads now (the persons
 * subgraph also does it every AUDIT_CHECKPOINT_INTERVAL_MS).
 * Reads DATABASE_URL (or the embedded server), the audit keys (AUDIT_PUBLIC_KEYS, or the dev keys),
 * and AUDIT_CHECKPOINT_DIR (default <IMSS_DATA_DIR>/audit-checkpoints).
 */
import postgres from 'postgres';
import { loadAuditPublicKeys, loadSubgraphKeys } from '../schema/runtime/keys.ts';
import { createCheckpointWriter, readCheckpoints } from '../subgraphs/shared/audit/checkpoints.ts';
import { verifyTrail } from '../subgraphs/shared/audit/verify-trail.ts';
import { auditCheckpointDir, resolveDatabaseUrl } from './config.ts';

const [command, ...rest] = process.argv.slice(2);
const subject = rest[rest.indexOf('--subject') + 1];
const { url, embedded } = await resolveDatabaseUrl(null, () => undefined);
const sql = postgres(url, { max: 1, onnotice: () => undefined });
let exitCode = 0;
try {
  if (command === 'checkpoint') {
    const keys = await loadSubgraphKeys('persons');
    const written = await createCheckpointWriter({ sql, privateKey: keys.auditSigning.privateKey, publicKey: keys.auditSigning.publicKey, dir: auditCheckpointDir() }).checkpoint();
    console.log(written ? `checkpoint of ${written.heads.length} chains up to row ${written.upToSeq}` : 'no chain grew; nothing to checkpoint');
  } else if (command === 'verify') {
    const keys = await loadAuditPublicKeys();
    const { checkpoints, invalid } = await readCheckpoints(auditCheckpointDir(), keys);
    const result = await verifyTrail(sql, { keys, checkpoints, ...(rest.includes('--subject') && subject ? { subject } : {}) });
    for (const line of invalid) console.log(`checkpoint that does not verify: ${line}`);
    for (const f of result.findings) console.log(`${f.subjectCurp}: ${f.problem}${f.seq === null ? '' : ` at row ${f.seq}`}: ${f.detail}`);
    console.log(`${result.chains} chains, ${result.rows} rows, ${checkpoints.length} checkpoints: ${result.findings.length + invalid.length === 0 ? 'intact' : `${result.findings.length + invalid.length} findings`}`);
    if (result.findings.length + invalid.length > 0) exitCode = 1;
  } else {
    console.error('usage: npm run audit:verify [-- --subject <CURP>] | npm run audit:checkpoint');
    exitCode = 2;
  }
} finally {
  await sql.end({ timeout: 5 });
  await embedded?.stop();
}
process.exit(exitCode);
