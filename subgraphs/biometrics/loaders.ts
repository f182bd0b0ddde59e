import DataLoader from 'dataloader';
import type { BaseContext } from '../shared/context.ts';
import type { BiometricStatusModel } from './mappers.ts';
import type { BiometricsRepository } from './repository.ts';
import { canReadBiometricStatus } from './access.ts';

export function createBiometricsLoaders(repository: BiometricsRepository, base: BaseContext) {
  return {
    /** Three statements per batch (templates, consents, verifications), whatever the batch size. */
    statusByCurp: new DataLoader<string, BiometricStatusModel | null>(async (curps) => {
      const readable = curps.filter((curp) => canReadBiometricStatus(base.viewer, base.purpose, curp));
      if (readable.length === 0) return curps.map(() => null);
      const [modalities, consentRows, lastSeen] = await Promise.all([
        repository.modalitiesByCurp(readable),
        repository.consentsInForce(readable),
        repository.lastVerifications(readable),
      ]);
      await base.audit.recordReads(readable, 'Person.biometricStatus');
      const consented = new Set(consentRows.map((row) => row.curp));
      const lastAt = new Map(lastSeen.map((row) => [row.curp, row.at]));
      return curps.map((curp) =>
        readable.includes(curp)
          ? {
              enrolledModalities: modalities.filter((m) => m.curp === curp).map((m) => m.modality as 'FINGERPRINT' | 'FACE').sort(),
              consentInForce: consented.has(curp),
              lastVerifiedAt: lastAt.get(curp) ?? null,
            }
          : null,
      );
    }),
  };
}

export type BiometricsLoaders = ReturnType<typeof createBiometricsLoaders>;
