/**
 * Production logins of the subgraph roles. Development gives every `imss_<name>` role a well-known
 * password (privileges.ts, enableDevelopmentLogins); production never does. Instead the migration
 * job is handed the same `<SUBGRAPH>_DATABASE_URL` each subgraph connects with, and when that URL
 * logs in as the subgraph's own role, the role gets LOGIN and that URL's password. One secret per
 * subgraph, written once (the deployment's env files), read by both sides; rotating it is: change
 * the URL, rerun the migration job, restart that subgraph.
 *
 * The password reaches the server only as a SCRAM-SHA-256 verifier computed here, so it never
 * appears in the server's statement log or pg_stat_statements (RFC 5802, RFC 7677; PostgreSQL
 * stores exactly this string in pg_authid.rolpassword).
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import { SUBGRAPH_NAMES, type SubgraphName } from '../schema/subgraphs.ts';
import { subgraphRole } from './privileges.ts';

/** PostgreSQL's default `scram_iterations`. */
const SCRAM_ITERATIONS = 4096;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password`:
 * `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>` (base64). Only printable ASCII
 * passwords are accepted: PostgreSQL normalises others with SASLprep first, which is not
 * reimplemented here.
 */
export function scramSha256Verifier(password: string, salt: Buffer = randomBytes(16), iterations: number = SCRAM_ITERATIONS): string {
  if (!/^[\x21-\x7e]{16,}$/.test(password)) throw new RangeError('role passwords must be at least 16 printable ASCII characters without spaces');
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

export interface RoleLogin {
  subgraph: SubgraphName;
  role: string;
  password: string;
}

/**
 * The logins the environment asks for: each `<SUBGRAPH>_DATABASE_URL` whose user is that
 * subgraph's own role and that carries a password. A URL for another user (an operator-managed
 * login that is a member of the role) is left alone: whoever made it manages its password.
 */
export function requestedRoleLogins(env: NodeJS.ProcessEnv): RoleLogin[] {
  const logins: RoleLogin[] = [];
  for (const subgraph of SUBGRAPH_NAMES) {
    const raw = env[`${subgraph.toUpperCase()}_DATABASE_URL`];
    if (!raw) continue;
    const url = new URL(raw);
    const role = subgraphRole(subgraph);
    if (decodeURIComponent(url.username) !== role || url.password === '') continue;
    logins.push({ subgraph, role, password: decodeURIComponent(url.password) });
  }
  return logins;
}

/** Gives each requested role LOGIN and its password (as a verifier); returns the roles changed. */
export async function applyRoleLogins(sql: postgres.Sql, env: NodeJS.ProcessEnv): Promise<string[]> {
  const logins = requestedRoleLogins(env);
  for (const login of logins) {
    // A verifier is base64 and '$', ':' only: nothing to escape in the literal.
    await sql.unsafe(`alter role ${login.role} login password '${scramSha256Verifier(login.password)}'`);
  }
  return logins.map((login) => login.role);
}
