/**
 * `npm run biometrics:rewrap [-- --batch-size 100 --pause-ms 0 --to <key id>]`: re-wraps every
 * biometric data key under the current master key (BIOMETRIC_MASTER_KEY_ID, or --to), printing
 * progress; safe to interrupt and re-run (rewrap.ts). Rotating a master key:
 *   1. add the new key to BIOMETRIC_MASTER_KEYS (keep the old one) and make it
 *      BIOMETRIC_MASTER_KEY_ID; restart the biometrics subgraph processes one by one;
 *   2. run this command with the same two variables until it reports 0 left;
 *   3. remove the old key from BIOMETRIC_MASTER_KEYS and restart again.
 * Database: BIOMETRICS_DATABASE_URL, DATABASE_URL, or the embedded development server.
 * Exit code 0 when nothing is left under another key, 1 when records could not be re-wrapped.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../../db/client.ts';
import { resolveDatabaseUrl } from '../../../db/config.ts';
import { loadBiometricMasterKeys } from '../crypto/master-keys.ts';
import { pending, rewrapAll } from './rewrap.ts';

const { values } = parseArgs({
  options: {
    'batch-size': { type: 'string', default: '100' },
    'pause-ms': { type: 'string', default: '0' },
    to: { type: 'string' },
  },
});
const batchSize = Number(values['batch-size']);
const pauseMs = Number(values['pause-ms']);
if (!Number.isInteger(batchSize) || batchSize < 1 || !Number.isInteger(pauseMs) || pauseMs < 0) {
  console.error('usage: npm run biometrics:rewrap -- [--batch-size <1..>] [--pause-ms <0..>] [--to <master key id>]');
  process.exit(2);
}

const ring = await loadBiometricMasterKeys();
const targetKeyId = values.to ?? ring.currentKeyId;
const { url, embedded } = await resolveDatabaseUrl('biometrics', () => undefined);
const database = openDatabase(url, { name: 'biometrics-rewrap', max: 1 });
try {
  console.log(`${await pending(database, targetKeyId)} data keys to re-wrap under "${targetKeyId}" (master keys in the ring: ${ring.keyIds.join(', ')})`);
  const report = await rewrapAll(database, ring, {
    batchSize,
    pauseMs,
    targetKeyId,
    onProgress: (p) => console.log(`re-wrapped ${p.rewrapped}/${p.pendingAtStart} under "${p.targetKeyId}" (batch ${p.batches}, ${p.failed} failed)`),
  });
  console.log(`done: ${report.rewrapped} re-wrapped this run, ${report.failures.length} failed, ${report.remaining} left under other keys`);
  for (const failure of report.failures) console.error(`  could not re-wrap template record ${failure.id}: ${failure.reason}`);
  process.exitCode = report.failures.length > 0 || report.remaining > 0 ? 1 : 0;
} finally {
  await database.close();
  await embedded?.stop();
}
