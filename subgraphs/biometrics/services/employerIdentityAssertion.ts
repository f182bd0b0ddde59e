/**
 * An employer obtains a signed identity assertion for one of its own registrations, when an
 * officer recorded a verification of this user (token subject) for it that is in force. It expires
 * at the earlier of the configured lifetime and the verification's end. Another employer's
 * registration, or no verification in force: null. Other roles: FORBIDDEN.
 */
import { refusalError } from '../../shared/access/index.ts';
import type { IdentityAssertion, QueryEmployerIdentityAssertionArgs } from '../__generated__/resolvers-types.ts';
import type { BiometricsContext } from '../context.ts';
import { signIdentityAssertion } from '../documents/identity-assertion.ts';
import { assertEmployerIdentity } from '../permissions.ts';
import { assertionExpiry } from '../rules/employer-identity.ts';

export async function employerIdentityAssertion({ registration }: QueryEmployerIdentityAssertionArgs, ctx: BiometricsContext): Promise<IdentityAssertion | null> {
  const key = registration.trim().toUpperCase();
  // No insured person's data is involved, so there is no one's access log to write to.
  const decision = assertEmployerIdentity(ctx, key);
  if (!decision.allowed) {
    if (decision.explained) throw refusalError(decision.reason);
    return null;
  }
  const subject = ctx.viewer!.subject;
  const now = ctx.clock.now();
  const verification = await ctx.repository.employerVerificationInForce(key, subject, now);
  if (!verification) return null;
  const expiresAt = assertionExpiry(now, ctx.settings.assertionHours, verification.validUntil);
  const signed = await signIdentityAssertion(ctx.documents, { subject, registration: key, method: verification.method }, { now, expiresAt });
  ctx.log.info({ keyId: signed.keyId, method: verification.method }, 'identity assertion issued');
  return { jws: signed.jws, expiresAt, method: verification.method };
}
