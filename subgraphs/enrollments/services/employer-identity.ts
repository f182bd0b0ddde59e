/**
 * An employer files movements only once its identity is verified (docs/domain.md §9: e.firma, or
 * biometrics), and the verification is the biometrics subgraph's signed identity assertion
 * (compact JWS of type DOCUMENT_TYPES.IDENTITY_ASSERTION, issuer biometrics) with `sub` = the
 * employer's subject, `employer_registrations` naming the registro patronal, `method` EFIRMA or
 * BIOMETRIC and an expiry. Anything else is EMPLOYER_IDENTITY_NOT_VERIFIED.
 */
import { badInput } from '../../../schema/errors/client-errors.ts';
import { DOCUMENT_TYPES } from '../../../schema/documents/document-types.ts';
import type { IdentityMethod } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import { normalizeEmployerRegistration } from '../rules/movements/index.ts';

export interface VerifiedEmployer {
  method: IdentityMethod;
  /** The assertion's `jti`, kept on each movement as evidence. */
  assertionId: string;
}

const METHODS: readonly IdentityMethod[] = ['EFIRMA', 'BIOMETRIC'];

function notVerified(why: string) {
  return badInput('EMPLOYER_IDENTITY_NOT_VERIFIED', `The employer's identity is not verified for this registration: ${why}. Obtain an identity assertion (e.firma or biometric) from the biometrics service and send it as identityAssertion.`);
}

/** Verifies `jws` for the calling employer and `registration` (normalised), or throws EMPLOYER_IDENTITY_NOT_VERIFIED. */
export async function verifyEmployerIdentity(jws: string, registration: string, ctx: EnrollmentsContext): Promise<VerifiedEmployer> {
  let claims: Awaited<ReturnType<EnrollmentsContext['documents']['verify']>>;
  try {
    claims = await ctx.documents.verify(jws, { type: DOCUMENT_TYPES.IDENTITY_ASSERTION, issuer: 'biometrics', now: ctx.clock.now() });
  } catch {
    throw notVerified('the assertion is not a valid, unexpired identity assertion signed by the biometrics service');
  }
  if (typeof claims.exp !== 'number') throw notVerified('the assertion has no expiry');
  if (claims.sub !== ctx.viewer?.subject) throw notVerified('the assertion was issued to someone else');
  const registrations = claims['employer_registrations'];
  if (!Array.isArray(registrations) || !registrations.some((r) => typeof r === 'string' && normalizeEmployerRegistration(r) === registration)) {
    throw notVerified(`the assertion does not cover registration ${registration}`);
  }
  const method = METHODS.find((m) => m === claims['method']);
  if (!method) throw notVerified('the assertion names no verification method (EFIRMA or BIOMETRIC)');
  return { method, assertionId: claims.jti };
}
