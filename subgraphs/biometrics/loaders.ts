/** The scoped loader of the biometrics subgraph: enrollment status, never templates. */
import { scopedLoader } from '../shared/access/index.ts';
import type { BaseContext } from '../shared/context.ts';
import type { BiometricStatusModel } from './mappers.ts';
import { readBiometricStatus, type BiometricsRead } from './permissions.ts';
import type { BiometricsRepository } from './repository.ts';

export function createBiometricsLoaders(ctx: BaseContext<BiometricsRead>, repository: BiometricsRepository) {
  return {
    statusByCurp: scopedLoader(ctx, {
      audit: 'Person.biometricStatus',
      decide: (curp: string) => readBiometricStatus(ctx, curp),
      read: (curps) => statuses(repository, curps),
      keyOf: (status) => status.curp,
      subjectOf: (status) => status.curp,
      subjectOfKey: (curp) => curp,
      releases: { type: 'BiometricStatus', idOf: (status) => status.curp },
    }),
  };
}

/** Three statements per batch (templates, consents, verifications), whatever the batch size. */
async function statuses(repository: BiometricsRepository, curps: readonly string[]): Promise<BiometricStatusModel[]> {
  const [modalities, consentRows, lastSeen] = await Promise.all([
    repository.modalitiesByCurp(curps),
    repository.consentsInForce(curps),
    repository.lastVerifications(curps),
  ]);
  const consented = new Set(consentRows.map((row) => row.curp));
  const lastAt = new Map(lastSeen.map((row) => [row.curp, row.at]));
  return curps.map((curp) => ({
    curp,
    enrolledModalities: modalities.filter((m) => m.curp === curp).map((m) => m.modality).sort(),
    consentInForce: consented.has(curp),
    lastVerifiedAt: lastAt.get(curp) ?? null,
  }));
}

export type BiometricsLoaders = ReturnType<typeof createBiometricsLoaders>;
