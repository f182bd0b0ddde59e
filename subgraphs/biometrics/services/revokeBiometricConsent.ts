/**
 * Revoking consent destroys every data key of the person's templates in the same transaction
 * (crypto-shredding): the ciphertexts, in the database and in every backup, can never be decrypted
 * again. The consent, capture and verification rows stay, as the record of what happened, and the
 * audit trail keeps the revocation.
 */
import { badInput, notFound } from '../../../schema/errors/client-errors.ts';
import { authorize, isSelf } from '../../shared/access/index.ts';
import type { MutationRevokeBiometricConsentArgs } from '../__generated__/resolvers-types.ts';
import type { BiometricsContext } from '../context.ts';
import type { RevokeConsentPayloadModel } from '../mappers.ts';
import { revokeConsentOf } from '../permissions.ts';
import { txQueries } from '../repository.ts';

export async function revokeBiometricConsent({ curp }: MutationRevokeBiometricConsentArgs, ctx: BiometricsContext): Promise<RevokeConsentPayloadModel> {
  // The person revokes their own; an officer names the person.
  const subject = curp ?? ctx.viewer?.curp ?? null;
  if (!subject) throw notFound('Person');
  await authorize(ctx, revokeConsentOf(ctx, subject), { subjectCurp: subject, what: 'revokeBiometricConsent' });
  const by = { role: isSelf(ctx, subject) ? ('INSURED' as const) : ('IMSS_OFFICER' as const), subject: ctx.viewer!.subject };
  const now = ctx.clock.now();
  const payload = await ctx.repository.transaction(async (tx) => {
    const inForce = await txQueries.lockConsentInForce(tx, subject);
    if (!inForce) throw badInput('BIOMETRIC_CONSENT_NOT_IN_FORCE', 'There is no consent in force to revoke');
    const consent = await txQueries.revokeConsent(tx, inForce.id, now, by);
    const shredded = await txQueries.shredAllTemplates(tx, subject, now);
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: subject, what: 'revokeBiometricConsent', fields: ['consent', 'templates'] }], tx);
    return { consent, shreddedTemplates: shredded.length };
  });
  ctx.loaders.statusByCurp.clear(subject);
  ctx.loaders.dataByCurp.clear(subject);
  ctx.log.info({ shreddedTemplates: payload.shreddedTemplates }, 'biometric consent revoked; data keys destroyed');
  return payload;
}
