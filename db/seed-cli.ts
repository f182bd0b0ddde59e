/**
 * `npm run db:seed`: migrates, then seeds the synthetic demo data if the database is empty.
 * `npm run db:seed -- --persons 1000000 [--seed 1] [--batch 10000]` then adds that many synthetic
 * persons at scale on top (db/seed-scale), with a progress bar on stderr.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from './client.ts';
import { resolveDatabaseUrl } from './config.ts';
import { runMigrations } from './migrate.ts';
import { isEmpty, seedDemoData } from './seed.ts';
import { seedAtScale } from './seed-scale/index.ts';
import { progressBar } from './seed-scale/progress.ts';
import { loadBiometricMasterKeys } from '../subgraphs/biometrics/crypto/master-keys.ts';

const { values } = parseArgs({
  options: { persons: { type: 'string' }, seed: { type: 'string' }, batch: { type: 'string' } },
  strict: true,
});
const wholeNumber = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return n;
};
const scale = wholeNumber('persons', values.persons);
const seed = wholeNumber('seed', values.seed);
const batchSize = wholeNumber('batch', values.batch);

const { url, embedded } = await resolveDatabaseUrl(null, console.log);
await runMigrations(url);
const database = openDatabase(url, { name: 'seed', max: 1 });
try {
  if (await isEmpty(database)) {
    const { persons } = await seedDemoData(database);
    console.log(`seeded ${persons} synthetic persons`);
  } else {
    console.log('database already has data; no demo data seeded');
  }
  if (scale !== undefined && scale > 0) {
    const progress = progressBar('persons', scale);
    const report = await seedAtScale(database, {
      persons: scale, seed, batchSize, masterKeys: await loadBiometricMasterKeys(), onProgress: (done) => progress.update(done),
    });
    progress.finish(`copied in ${report.seconds.load.toFixed(1)} s, statistics and seats added in ${report.seconds.finish.toFixed(1)} s, analyzed in ${report.seconds.analyze.toFixed(1)} s`);
    console.log(`seeded ${report.persons.toLocaleString('en')} synthetic persons at scale in ${report.seconds.total.toFixed(1)} s`);
    for (const [table, n] of Object.entries(report.rows)) console.log(`  ${table}: ${n.toLocaleString('en')} rows`);
  }
} finally {
  await database.close();
  await embedded?.stop();
}
