import { describe, expect, it } from 'vitest';
import { requestedRoleLogins, scramSha256Verifier } from '../../../db/role-logins.ts';

describe('subgraph role logins from the subgraphs’ URLs', () => {
  it('asks a login for each URL that logs in as the subgraph’s own role with a password', () => {
    const logins = requestedRoleLogins({
      PERSONS_DATABASE_URL: 'postgres://imss_persons:p%40ss-word-1234567890@db:5432/imss',
      ENROLLMENTS_DATABASE_URL: 'postgres://operator_login:secret-secret-secret@db:5432/imss', // someone else's login: left alone
      APPOINTMENTS_DATABASE_URL: 'postgres://imss_appointments@db:5432/imss', // no password: nothing to set
      DATABASE_URL: 'postgres://postgres:admin@db:5432/imss',
    });
    expect(logins).toEqual([{ subgraph: 'persons', role: 'imss_persons', password: 'p@ss-word-1234567890' }]);
  });

  it('computes the RFC 7677 verifier: SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey', () => {
    const salt = Buffer.alloc(16, 1);
    const verifier = scramSha256Verifier('correct-horse-battery', salt, 4096);
    expect(verifier).toMatch(/^SCRAM-SHA-256\$4096:AQEBAQEBAQEBAQEBAQEBAQ==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$/);
    expect(scramSha256Verifier('correct-horse-battery', salt, 4096)).toBe(verifier);
    expect(scramSha256Verifier('correct-horse-battery!', salt, 4096)).not.toBe(verifier);
  });

  it('refuses short or non-ASCII passwords (PostgreSQL would SASLprep them first)', () => {
    expect(() => scramSha256Verifier('short')).toThrow(RangeError);
    expect(() => scramSha256Verifier('contraseña-de-dieciseis')).toThrow(RangeError);
  });
});
