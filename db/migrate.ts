/**
 * Applies the committed drizzle-kit migrations on a dedicated single connection, before any pool
 * serves traffic (drizzle examples/postgresjs). An advisory lock makes concurrent starters (several
 * subgraph processes, parallel test files) wait for one another instead of racing. The migrations
 * run as the owner role, and the roles' privileges are applied afterwards (db/privileges.ts), then
 * the subgraph roles' logins: development passwords, or those of the <SUBGRAPH>_DATABASE_URLs given
 * (db/role-logins.ts).
 */
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { isProduction } from '../schema/runtime/environment.ts';
import { OWNER_ROLE, enableDevelopmentLogins, ensureRoles, grantSubgraphPrivileges, transferOwnership } from './privileges.ts';
import { applyRoleLogins } from './role-logins.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION_LOCK_ID = 724_610_001;

/** `url` connects as an administrator: one who may create roles and act as the owner role. */
export async function runMigrations(url: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    try {
      await ensureRoles(sql);
      await transferOwnership(sql);
      await sql.unsafe(`set role ${OWNER_ROLE}`);
      await migrate(drizzle(sql), { migrationsFolder: MIGRATIONS_FOLDER });
      await sql.unsafe('reset role');
      await grantSubgraphPrivileges(sql);
      if (!isProduction(env)) await enableDevelopmentLogins(sql);
      // Production logins come from the subgraphs' own URLs when the job is given them (role-logins.ts).
      await applyRoleLogins(sql, env);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
