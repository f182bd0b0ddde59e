/**
 * The scoped loaders of the biometrics subgraph: a person's status and stored metadata, decided
 * with the policies of permissions.ts, read in a constant number of statements per batch,
 * audited, released. None of them reads a template's envelope (repository.ts).
 */
import DataLoader from 'dataloader';
import { scopedLoader } from '../shared/access/index.ts';
import { groupBy } from '../shared/batching.ts';
import type { BaseContext } from '../shared/context.ts';
import type { BiometricsSettings } from './config.ts';
import type { BiometricDataModel, BiometricStatusModel, VerificationAttemptModel } from './mappers.ts';
import { readBiometricData, readBiometricStatus, type BiometricsRead } from './permissions.ts';
import type { BiometricsRepository } from './repository.ts';
import { biometricStatus } from './rules/status.ts';

export function createBiometricsLoaders(ctx: BaseContext<BiometricsRead>, repository: BiometricsRepository, settings: BiometricsSettings) {
  return {
    statusByCurp: scopedLoader(ctx, {
      audit: 'Person.biometricStatus',
      decide: (curp: string) => readBiometricStatus(ctx, curp),
      read: (curps) => statuses(repository, curps, { now: ctx.clock.now(), verifiedIdentityMinutes: settings.verifiedIdentityMinutes }),
      keyOf: (status) => status.curp,
      subjectOf: (status) => status.curp,
      subjectOfKey: (curp) => curp,
      releases: { type: 'BiometricStatus', idOf: (status) => status.curp },
    }),
    dataByCurp: scopedLoader(ctx, {
      audit: 'Person.biometricData',
      decide: (curp: string) => readBiometricData(ctx, curp),
      read: (curps) => storedData(repository, curps),
      keyOf: (data) => data.curp,
      subjectOf: (data) => data.curp,
      subjectOfKey: (curp) => curp,
      releases: { type: 'BiometricData', idOf: (data) => data.curp },
    }),
    /** Attempts of a person whose BiometricData was released (the shield checked the parent). */
    attemptsByCurp: new DataLoader<{ curp: string; limit: number }, VerificationAttemptModel[], string>(
      (keys) => Promise.all(keys.map(({ curp, limit }) => repository.attemptsOf(curp, limit))),
      { cacheKeyFn: ({ curp, limit }) => `${curp}:${limit}` },
    ),
  };
}

/** One statement per batch (repository.ts `statusFacts`), whatever its size. */
async function statuses(repository: BiometricsRepository, curps: readonly string[], options: { now: Date; verifiedIdentityMinutes: number }): Promise<BiometricStatusModel[]> {
  const facts = await repository.statusFacts(curps);
  return facts.map(({ curp, ...rest }) => ({ curp, ...biometricStatus(rest, options) }));
}

/** Two statements per batch (consents, captures). */
async function storedData(repository: BiometricsRepository, curps: readonly string[]): Promise<BiometricDataModel[]> {
  const [consents, captures] = await Promise.all([repository.consentsByCurp(curps), repository.capturesByCurp(curps)]);
  const consentsOf = groupBy(curps, consents, (row) => row.curp);
  const capturesOf = groupBy(curps, captures, (row) => row.curp);
  return curps.map((curp, i) => ({ curp, consents: consentsOf[i]!, captures: capturesOf[i]! }));
}

export type BiometricsLoaders = ReturnType<typeof createBiometricsLoaders>;
