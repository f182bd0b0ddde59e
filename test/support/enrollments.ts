/**
 * Helpers for tests that file employer movements or enroll new people: identity assertions
 * signed with the test system's biometrics document key (the contract with the biometrics
 * subgraph), and synthetic CURPs with valid check digits for people the seed does not know.
 */
import { DOCUMENT_TYPES } from '../../schema/documents/document-types.ts';
import { curpCheckDigit } from '../../schema/scalars/identifiers/curp.ts';
import { createDocumentSigner } from '../../subgraphs/shared/documents/document-signer.ts';
import type { TestSystem } from './system.ts';

export interface AssertionOptions {
  /** The employer viewer's subject; the dev EMPLOYER token's is 'dev-employer'. */
  subject?: string;
  registrations?: readonly string[];
  method?: string;
  /** When the assertion is issued (the enrollments clock, for tests with a fixed clock). */
  now?: Date;
  expiresInSeconds?: number;
  /** Another subgraph's key, to forge an assertion that is not from biometrics. */
  signedAs?: 'biometrics' | 'persons';
  /** Leave out `exp`. */
  noExpiry?: boolean;
}

/** A compact JWS identity assertion as the biometrics subgraph issues it. */
export async function identityAssertion(system: Pick<TestSystem, 'keys'>, options: AssertionOptions = {}): Promise<string> {
  const issuer = options.signedAs ?? 'biometrics';
  const signer = await createDocumentSigner(issuer, system.keys.subgraph(issuer).documentSigning);
  const now = options.now ?? new Date();
  const signed = await signer.sign(
    DOCUMENT_TYPES.IDENTITY_ASSERTION,
    { sub: options.subject ?? 'dev-employer', employer_registrations: [...(options.registrations ?? ['Y1234567101'])], method: options.method ?? 'EFIRMA' },
    { now, ...(options.noExpiry ? {} : { expiresAt: new Date(now.getTime() + (options.expiresInSeconds ?? 3600) * 1000) }) },
  );
  return signed.jws;
}

/**
 * A valid CURP for a synthetic person: birth date and sex as given, the rest derived from `n`
 * (different `n`, different CURP). Prefix letters are fixed consonant/vowel pairs, so no
 * inconvenient word can appear.
 */
export function testCurp(n: number, birthDate = '1985-06-15', sex: 'H' | 'M' = 'H'): string {
  const letters = 'BCDFGHJKLMNPQRSTVWZ';
  const vowels = 'AEIOU';
  const a = letters[n % letters.length]!;
  const b = vowels[Math.floor(n / letters.length) % vowels.length]!;
  const c = letters[Math.floor(n / (letters.length * vowels.length)) % letters.length]!;
  const d = letters[(n * 7) % letters.length]!;
  const date = birthDate.slice(2, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10);
  const diff = Number(birthDate.slice(0, 4)) < 2000 ? String(n % 10) : 'ABCDEFGHIJ'[n % 10]!;
  const first17 = `${a}${b}${c}${d}${date}${sex}DF${'RNT'}${diff}`;
  return `${first17}${curpCheckDigit(first17)}`;
}

/**
 * For tests that run on the real clock (the security matrix): the seeded UMA, minimum wage and
 * PTI rate tables end on known dates (2026–2027), so a run after them would meet
 * REFERENCE_TABLE_MISSING. This carries each table's last version forward, open-ended, marked as
 * a test fixture and unconfirmed — test data only, never seeded.
 */
export async function carryReferenceTablesForward(database: { sql: import('postgres').Sql }): Promise<void> {
  const children: Record<string, string> = {
    UMA: 'uma_values',
    MINIMUM_WAGE: 'minimum_wages',
    PTI_RATES: 'pti_rate_lines',
  };
  for (const [table, child] of Object.entries(children)) {
    const [last] = await database.sql<{ id: string; valid_to: string | null }[]>`
      select id, valid_to::text from enrollments.reference_versions where table_name = ${table} order by valid_from desc limit 1`;
    if (!last || last.valid_to === null) continue;
    const [added] = await database.sql<{ id: string }[]>`
      insert into enrollments.reference_versions (table_name, valid_from, valid_to, source, checked_on, confirmed)
      values (${table}, ${last.valid_to}::date + 1, null, 'TEST FIXTURE: the last seeded version carried forward for a test on the real clock', current_date, false)
      returning id`;
    const columns = (await database.sql<{ column_name: string }[]>`
      select column_name from information_schema.columns where table_schema = 'enrollments' and table_name = ${child} and column_name <> 'version_id'`).map((c) => c.column_name);
    const list = columns.map((c) => `"${c}"`).join(', ');
    await database.sql.unsafe(`insert into enrollments.${child} (version_id, ${list}) select $1, ${list} from enrollments.${child} where version_id = $2`, [added!.id, last.id]);
  }
}
