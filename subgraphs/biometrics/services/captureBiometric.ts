/**
 * An IMSS officer stores a captured template. Checked first (quality against the configured
 * minimum, the template's format and finger), then, in one transaction under the consent's lock:
 * a consent in force is required; the template is sealed under the current master key, bound to
 * its new record; the active template of the same finger (or face) is deactivated and
 * crypto-shredded, its row kept as history; the new record becomes the active one.
 */
import { randomUUID } from 'node:crypto';
import { badInput } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { MutationCaptureBiometricArgs } from '../__generated__/resolvers-types.ts';
import type { BiometricsContext } from '../context.ts';
import { SEAL_VERSION, sealTemplate } from '../crypto/envelope.ts';
import type { CaptureModel } from '../mappers.ts';
import { actInPerson } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { checkCaptureQuality, checkLabel } from '../rules/capture.ts';
import { checkCaptureTemplate, decodeBase64Template } from '../rules/template-input.ts';
import { officerOf } from './officer.ts';
import { applyRule } from './rule.ts';

export async function captureBiometric({ input }: MutationCaptureBiometricArgs, ctx: BiometricsContext): Promise<CaptureModel> {
  await authorize(ctx, actInPerson(ctx, input.curp), { subjectCurp: input.curp, what: 'captureBiometric' });
  const officer = officerOf(ctx);
  const { settings } = ctx;
  const fingerPosition = input.fingerPosition ?? null;
  const device = applyRule(() => checkLabel(input.device, 'device', 1, 64));
  applyRule(() => checkCaptureQuality(input.quality, input.modality, settings.minimumQuality));
  const template = applyRule(() => decodeBase64Template(input.template, 'template', settings.maxTemplateBytes));
  try {
    const format = applyRule(() => checkCaptureTemplate(template, input.modality, fingerPosition, settings));
    const now = ctx.clock.now();
    const capture = await ctx.repository.transaction(async (tx) => {
      const consent = await txQueries.lockConsentInForce(tx, input.curp);
      if (!consent) throw badInput('BIOMETRIC_CONSENT_REQUIRED', 'No consent in force: record the person\'s consent before capturing');
      const id = randomUUID();
      const sealed = sealTemplate(template, { recordId: id, curp: input.curp, modality: input.modality }, ctx.masterKeys);
      const replaced = await txQueries.replaceActiveTemplate(tx, input.curp, input.modality, fingerPosition, id, now);
      const row = await txQueries.insertTemplate(tx, {
        id,
        curp: input.curp,
        modality: input.modality,
        fingerPosition,
        quality: input.quality,
        device,
        office: officer.office,
        capturedByRole: officer.role,
        capturedBySubject: officer.subject,
        consentId: consent.id,
        format,
        sealVersion: SEAL_VERSION,
        ciphertext: sealed.ciphertext,
        iv: sealed.iv,
        authTag: sealed.authTag,
        wrappedKey: sealed.wrappedKey,
        wrapIv: sealed.wrapIv,
        wrapTag: sealed.wrapTag,
        masterKeyId: sealed.masterKeyId,
        capturedAt: now,
      });
      await ctx.audit.append([{ action: 'WRITE', subjectCurp: input.curp, what: 'captureBiometric', fields: ['template', input.modality, ...(replaced.length > 0 ? ['replacedTemplate'] : [])] }], tx);
      return row;
    });
    ctx.loaders.statusByCurp.clear(input.curp);
    ctx.loaders.dataByCurp.clear(input.curp);
    return capture;
  } finally {
    template.fill(0);
  }
}
