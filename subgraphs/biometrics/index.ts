/**
 * The biometrics subgraph module (subgraphs/registry.ts): consent, encrypted capture, 1:1
 * verification with lockout, crypto-shredding on revocation, and employer identity assertions.
 * Templates never leave it. Its own configuration (master key ring, policy settings) is read here,
 * from the environment or the development keys folder, so the shared dependencies stay as they
 * are; tests build the module with their own ring and settings.
 */
import type { SubgraphModule } from '../shared/subgraph-module.ts';
import { biometricsSettingsFromEnv, type BiometricsSettings } from './config.ts';
import { createBiometricsContext } from './context.ts';
import type { MasterKeyRing } from './crypto/key-ring.ts';
import { loadBiometricMasterKeys } from './crypto/master-keys.ts';
import { permissions } from './permissions.ts';
import { biometricsRepository } from './repository.ts';
import { resolvers } from './resolvers/index.ts';

export interface BiometricsModuleOptions {
  /** @default loadBiometricMasterKeys() (BIOMETRIC_MASTER_KEYS, or the development ring) */
  masterKeys?: () => MasterKeyRing | Promise<MasterKeyRing>;
  /** @default biometricsSettingsFromEnv(process.env) */
  settings?: BiometricsSettings;
}

export function createBiometricsModule(options: BiometricsModuleOptions = {}): SubgraphModule {
  return {
    name: 'biometrics',
    async create({ database, documents, log }) {
      const masterKeys = await (options.masterKeys ?? (() => loadBiometricMasterKeys()))();
      const settings = options.settings ?? biometricsSettingsFromEnv(process.env);
      log.info({ masterKeys: masterKeys.toJSON(), settingsCheckedOn: settings.checkedOn }, 'biometric master key ring loaded');
      const shared = { repository: biometricsRepository(database), settings, masterKeys, documents: documents.signer };
      return { resolvers, permissions, context: (base) => createBiometricsContext(base, shared) };
    },
  };
}

export const biometrics: SubgraphModule = createBiometricsModule();
