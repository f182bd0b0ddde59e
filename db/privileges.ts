/**
 * Least privilege in the database (docs/security.md, "Database roles"):
 * - `imss_owner` (no login) owns every schema, table, sequence and function of the system; the
 *   migrations run as it;
 * - each subgraph logs in as its own role (`imss_persons`, …) that may read and write the tables of
 *   its own schema and nothing else: no ownership (so no DISABLE TRIGGER, no DDL), no superuser (so
 *   no `session_replication_role`), no other subgraph's schema;
 * - the audit trail is INSERT-only for every subgraph (persons may also SELECT, to list a person's
 *   access log); its chaining trigger runs as the owner (SECURITY DEFINER), so inserters need no
 *   right to read or number the chain themselves;
 * - the register of receipts (audit.receipts) is INSERT-only for every subgraph, and readable by
 *   enrollments, which answers verifyReceipt for all of them.
 * This is state, not history: it is applied after every migration run, so tables added by later
 * migrations get the same rules without anyone remembering to grant them.
 */
import type postgres from 'postgres';
import { SUBGRAPH_NAMES, type SubgraphName } from '../schema/subgraphs.ts';

export const OWNER_ROLE = 'imss_owner';

export function subgraphRole(name: SubgraphName): string {
  return `imss_${name}`;
}

/** Schemas of the system: one per subgraph, plus the shared audit trail and drizzle's bookkeeping. */
const SCHEMAS = [...SUBGRAPH_NAMES, 'audit', 'drizzle'];

/** Creates the roles (without login) when missing, and lets the connected admin act as the owner. */
export async function ensureRoles(sql: postgres.Sql): Promise<void> {
  for (const role of [OWNER_ROLE, ...SUBGRAPH_NAMES.map(subgraphRole)]) {
    await sql.unsafe(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${role}') then create role ${role} nologin; end if;
    end $$`);
  }
  const [me] = await sql<{ rolsuper: boolean }[]>`select rolsuper from pg_roles where rolname = current_user`;
  if (!me?.rolsuper) await sql.unsafe(`grant ${OWNER_ROLE} to current_user`);
  await sql.unsafe(`do $$ begin execute format('grant create, connect, temporary on database %I to ${OWNER_ROLE}', current_database()); end $$`);
}

/** Hands every object of the system's schemas to the owner role (the objects a first run created as the admin). */
export async function transferOwnership(sql: postgres.Sql): Promise<void> {
  const schemas = await sql<{ nspname: string }[]>`select nspname from pg_namespace where nspname in ${sql(SCHEMAS)}`;
  for (const { nspname } of schemas) {
    await sql.unsafe(`alter schema ${nspname} owner to ${OWNER_ROLE}`);
    const objects = await sql<{ kind: string; name: string }[]>`
      select case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end as kind,
             format('%I.%I', n.nspname, c.relname) as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${nspname} and c.relkind in ('r', 'p', 'v', 'm', 'S')
        and pg_get_userbyid(c.relowner) <> ${OWNER_ROLE}
        -- a serial's sequence follows its table
        and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))`;
    for (const object of objects) await sql.unsafe(`alter ${object.kind} ${object.name} owner to ${OWNER_ROLE}`);
    const functions = await sql<{ signature: string }[]>`
      select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = ${nspname} and pg_get_userbyid(p.proowner) <> ${OWNER_ROLE}`;
    for (const { signature } of functions) await sql.unsafe(`alter function ${signature} owner to ${OWNER_ROLE}`);
  }
}

/** Grants each subgraph role exactly its own schema, and INSERT on the audit trail. */
export async function grantSubgraphPrivileges(sql: postgres.Sql): Promise<void> {
  // Nobody but the owner creates objects anywhere; PostgreSQL before 15 let everyone use `public`.
  await sql.unsafe(`revoke create on schema public from public`);
  for (const schema of SCHEMAS) {
    const exists = await sql`select 1 from pg_namespace where nspname = ${schema}`;
    if (exists.length > 0) await sql.unsafe(`revoke all on schema ${schema} from public`);
  }
  // The register of receipts arrived with a later migration than the audit trail.
  const hasReceipts = (await sql`select 1 from pg_tables where schemaname = 'audit' and tablename = 'receipts'`).length > 0;
  for (const name of SUBGRAPH_NAMES) {
    const role = subgraphRole(name);
    const exists = await sql`select 1 from pg_namespace where nspname = ${name}`;
    if (exists.length > 0) {
      await sql.unsafe(`grant usage on schema ${name} to ${role}`);
      await sql.unsafe(`grant select, insert, update, delete on all tables in schema ${name} to ${role}`);
      await sql.unsafe(`grant usage, select on all sequences in schema ${name} to ${role}`);
    }
    await sql.unsafe(`grant usage on schema audit to ${role}`);
    await sql.unsafe(`grant insert on audit.access_events to ${role}`);
    // Every subgraph registers the receipts (acuses) it signs.
    if (hasReceipts) await sql.unsafe(`grant insert on audit.receipts to ${role}`);
    // The column default draws from it before the trigger renumbers the row; drawing a number grants nothing.
    await sql.unsafe(`grant usage on all sequences in schema audit to ${role}`);
  }
  // Persons lists a person's access log (and publishes the chain's checkpoints).
  await sql.unsafe(`grant select on all tables in schema audit to ${subgraphRole('persons')}`);
  // Enrollments answers verifyReceipt from the register of receipts (and reads its own acuses back).
  if (hasReceipts) await sql.unsafe(`grant select on audit.receipts to ${subgraphRole('enrollments')}`);
  // The chain is computed by the trigger as the owner: inserters cannot read or renumber it.
  await sql.unsafe(`alter function audit.chain_event() security definer set search_path = audit, pg_catalog`);
}

/**
 * Development and tests only: lets the subgraph roles log in with a password derived from their
 * name, so a fresh machine (embedded PostgreSQL, or a local server) needs no setup. Production
 * roles get their login and password from the operator (docs/operations.md), never from here.
 */
export async function enableDevelopmentLogins(sql: postgres.Sql): Promise<void> {
  for (const name of SUBGRAPH_NAMES) {
    await sql.unsafe(`alter role ${subgraphRole(name)} login password '${developmentPassword(name)}'`);
  }
}

/** A local-only development credential (the server listens on 127.0.0.1); not a secret. */
export function developmentPassword(name: SubgraphName): string {
  return `${subgraphRole(name)}-development-only`;
}

/** The URL a subgraph connects with in development: the admin URL's server and database, as its own role. */
export function developmentRoleUrl(name: SubgraphName, adminUrl: string): string {
  const url = new URL(adminUrl);
  url.username = subgraphRole(name);
  url.password = developmentPassword(name);
  return url.toString();
}

/**
 * What is wrong with the role a subgraph connected as, if anything: a superuser or an owner of the
 * system's objects could bypass the audit trail's protections. Production refuses to start with one.
 */
export async function connectionRoleProblems(sql: postgres.Sql): Promise<string[]> {
  const [role] = await sql<{ name: string; superuser: boolean; owns: number; owner: boolean }[]>`
    select r.rolname as name, r.rolsuper as superuser,
           (select count(*)::int from pg_namespace n where n.nspowner = r.oid and n.nspname in ${sql(SCHEMAS)}) as owns,
           pg_has_role(r.oid, ${OWNER_ROLE}, 'MEMBER') as owner
    from pg_roles r where r.rolname = current_user`;
  if (!role) return ['the connected role is unknown'];
  const problems: string[] = [];
  if (role.superuser) problems.push(`${role.name} is a superuser`);
  if (role.owns > 0 || role.owner) problems.push(`${role.name} owns the system's schemas (or acts as ${OWNER_ROLE})`);
  return problems;
}
