/** `npm run db:seed`: migrates, then seeds the synthetic demo data if the database is empty. */
import { openDatabase } from './client.ts';
import { resolveDatabaseUrl } from './config.ts';
import { runMigrations } from './migrate.ts';
import { isEmpty, seedDemoData } from './seed.ts';

const { url, embedded } = await resolveDatabaseUrl(null, console.log);
await runMigrations(url);
const database = openDatabase(url, { name: 'seed', max: 1 });
if (await isEmpty(database)) {
  const { persons } = await seedDemoData(database);
  console.log(`seeded ${persons} synthetic persons`);
} else {
  console.log('database already has data; nothing seeded');
}
await database.close();
await embedded?.stop();
