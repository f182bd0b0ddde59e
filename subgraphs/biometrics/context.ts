/** The biometrics subgraph's per-request context: the shared one, its repository, loaders, keys and settings. */
import type { BaseContext } from '../shared/context.ts';
import type { DocumentSigner } from '../shared/documents/document-signer.ts';
import type { BiometricsSettings } from './config.ts';
import type { MasterKeyRing } from './crypto/key-ring.ts';
import { createBiometricsLoaders, type BiometricsLoaders } from './loaders.ts';
import type { BiometricsRead, BiometricsWrite } from './permissions.ts';
import type { BiometricsRepository } from './repository.ts';

/** What every request of one subgraph process shares. */
export interface BiometricsShared {
  repository: BiometricsRepository;
  settings: BiometricsSettings;
  /** Seals captured templates; opened only by the verification service. */
  masterKeys: MasterKeyRing;
  /** Signs this subgraph's documents (identity assertions). */
  documents: DocumentSigner;
}

export interface BiometricsContext extends BaseContext<BiometricsRead, BiometricsWrite>, BiometricsShared {
  loaders: BiometricsLoaders;
}

export function createBiometricsContext(base: BaseContext, shared: BiometricsShared): BiometricsContext {
  return { ...base, ...shared, loaders: createBiometricsLoaders(base, shared.repository, shared.settings) };
}
