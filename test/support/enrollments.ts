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
