/**
 * The production logins of the subgraph roles (db/role-logins.ts) against PostgreSQL itself: the
 * verifier computed here is the one the server computes for the same password and salt, and the
 * migration job's logins let each role connect.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentPassword, developmentRoleUrl } from '../../db/privileges.ts';
import { applyRoleLogins, scramSha256Verifier } from '../../db/role-logins.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

describe('subgraph role logins', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('computes the verifier PostgreSQL itself stores for the same password and salt', async () => {
    const role = `imss_t_login_${randomBytes(4).toString('hex')}`;
    const password = 'a-password-of-twenty-four';
    const sql = t.database.sql;
    await sql.unsafe(`create role ${role} nologin`);
    try {
      await sql.unsafe(`set password_encryption = 'scram-sha-256'`);
      await sql.unsafe(`alter role ${role} password '${password}'`);
      const [row] = await sql<{ rolpassword: string }[]>`select rolpassword from pg_authid where rolname = ${role}`;
      const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(row!.rolpassword)!;
      expect(scramSha256Verifier(password, Buffer.from(match[2]!, 'base64'), Number(match[1]))).toBe(row!.rolpassword);
    } finally {
      await sql.unsafe(`drop role ${role}`);
    }
  });

  it('gives each role named by a subgraph URL its login, and that URL connects as the role', async () => {
    // The development password: the server's roles are shared with the other test files.
    const url = developmentRoleUrl('enrollments', t.url);
    expect(await applyRoleLogins(t.database.sql, { ENROLLMENTS_DATABASE_URL: url })).toEqual(['imss_enrollments']);
    const [row] = await t.database.sql<{ login: boolean; verifier: string }[]>`select rolcanlogin as login, rolpassword as verifier from pg_authid where rolname = 'imss_enrollments'`;
    expect(row!.login).toBe(true);
    const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(row!.verifier)!;
    expect(scramSha256Verifier(developmentPassword('enrollments'), Buffer.from(match[2]!, 'base64'), Number(match[1]))).toBe(row!.verifier);
    const enrollments = postgres(url, { max: 1, onnotice: () => undefined });
    try {
      const [me] = await enrollments<{ user: string }[]>`select current_user as user`;
      expect(me!.user).toBe('imss_enrollments');
    } finally {
      await enrollments.end();
    }
  });
});
