/**
 * 1:1 verification by an IMSS officer. The probe is checked (format, size) and then, in one
 * transaction under the consent's lock (so concurrent attempts on one person are serialised and
 * the lockout cannot be raced):
 * - verification locked (rules/lockout.ts): LOCKED, nothing compared;
 * - no consent in force, or no active template for the modality (and the probe's fingers):
 *   NOT_ENROLLED;
 * - otherwise the enrolled templates are opened in memory, compared and wiped
 *   (compare-enrolled.ts): MATCH or NO_MATCH with the best score, and a failure may lock.
 * Every attempt is recorded with its result, score, threshold, office and time; the probe is
 * wiped and never stored.
 */
import type { Tx } from '../../../db/client.ts';
import { badInput } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { MutationVerifyBiometricArgs } from '../__generated__/resolvers-types.ts';
import type { BiometricsContext } from '../context.ts';
import { TemplateIntegrityError, TemplateShreddedError } from '../crypto/errors.ts';
import type { VerificationAttemptModel } from '../mappers.ts';
import { actInPerson } from '../permissions.ts';
import { txQueries, type NewVerificationAttempt } from '../repository.ts';
import { failureWindowStart, lockAfterFailure } from '../rules/lockout.ts';
import { checkProbe, decodeBase64Template } from '../rules/template-input.ts';
import { compareWithEnrolled, type BestComparison } from './compare-enrolled.ts';
import { officerOf } from './officer.ts';
import { applyRule } from './rule.ts';

export async function verifyBiometric({ input }: MutationVerifyBiometricArgs, ctx: BiometricsContext): Promise<VerificationAttemptModel> {
  await authorize(ctx, actInPerson(ctx, input.curp), { subjectCurp: input.curp, what: 'verifyBiometric' });
  const officer = officerOf(ctx);
  const { settings } = ctx;
  const probe = applyRule(() => decodeBase64Template(input.probe, 'probe', settings.maxTemplateBytes));
  try {
    const { fingers } = applyRule(() => checkProbe(probe, input.modality, settings));
    const now = ctx.clock.now();
    const attemptIn = async (tx: Tx): Promise<VerificationAttemptModel> => {
      const record = (row: AttemptOutcome) =>
        txQueries.insertAttempt(tx, { curp: input.curp, modality: input.modality, office: officer.office, officerSubject: officer.subject, attemptedAt: now, ...row });
      const consent = await txQueries.lockConsentInForce(tx, input.curp);
      const lastLockout = await txQueries.lastLockout(tx, input.curp);
      if (lastLockout && lastLockout.lockedUntil > now) return record({ result: 'LOCKED', lockedUntil: lastLockout.lockedUntil });
      const enrolled = consent ? await txQueries.sealedActiveTemplates(tx, input.curp, input.modality, fingers) : [];
      const best = compare(probe, enrolled, ctx);
      if (best === null) return record({ result: 'NOT_ENROLLED' });

      const { comparison } = best;
      const compared = { templateId: best.record.id, fingerPosition: best.record.fingerPosition, score: comparison.score, threshold: comparison.threshold };
      if (comparison.matched) return record({ ...compared, result: 'MATCH' });
      const lastLockedAt = lastLockout?.lockedAt ?? null;
      const recent = await txQueries.recentAttempts(tx, input.curp, failureWindowStart(now, settings.lockout, lastLockedAt));
      const lock = lockAfterFailure([...recent, { result: 'NO_MATCH', attemptedAt: now }], now, settings.lockout, lastLockedAt);
      if (lock) await txQueries.insertLockout(tx, { curp: input.curp, lockedAt: now, lockedUntil: lock.lockedUntil, failures: lock.failures, office: officer.office });
      return record({ ...compared, result: 'NO_MATCH', lockedUntil: lock?.lockedUntil ?? null });
    };
    const attempt = await ctx.repository.transaction(async (tx) => {
      const row = await attemptIn(tx);
      await ctx.audit.append([{ action: 'WRITE', subjectCurp: input.curp, what: 'verifyBiometric', fields: ['verificationAttempt', ...(row.templateId ? ['template'] : [])] }], tx);
      return row;
    });
    ctx.loaders.statusByCurp.clear(input.curp);
    ctx.log.info({ result: attempt.result, score: attempt.score, threshold: attempt.threshold }, 'biometric verification');
    return attempt;
  } finally {
    probe.fill(0);
  }
}

/** What an attempt adds to who, when and where. */
type AttemptOutcome = Omit<NewVerificationAttempt, 'curp' | 'modality' | 'office' | 'officerSubject' | 'attemptedAt'>;

/** Compares, turning an unreadable stored template into an error the officer can act on. */
function compare(probe: Buffer, enrolled: Parameters<typeof compareWithEnrolled>[1], ctx: BiometricsContext): BestComparison | null {
  try {
    return compareWithEnrolled(probe, enrolled, { masterKeys: ctx.masterKeys, thresholds: ctx.settings.thresholds, faceDimension: ctx.settings.faceDimension });
  } catch (error) {
    if (error instanceof TemplateIntegrityError || error instanceof TemplateShreddedError) {
      // A security event (altered row, master key missing from the ring): logged, never detailed to the caller.
      ctx.log.error({ err: error, records: enrolled.map((r) => r.id) }, 'an enrolled biometric template could not be opened');
      throw badInput('BIOMETRIC_TEMPLATE_UNREADABLE', 'The enrolled template cannot be read: capture it again');
    }
    throw error;
  }
}
