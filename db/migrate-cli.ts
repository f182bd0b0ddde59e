/** `npm run db:migrate`: applies the committed migrations to the configured database. */
import { resolveDatabaseUrl } from './config.ts';
import { runMigrations } from './migrate.ts';

const { url, embedded } = await resolveDatabaseUrl(null, console.log);
await runMigrations(url);
console.log('migrations applied');
await embedded?.stop();
