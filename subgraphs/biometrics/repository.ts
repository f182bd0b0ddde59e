/**
 * All SQL of the biometrics subgraph. Status queries select metadata columns only: template
 * ciphertext never leaves the database on a read path.
 */
import { and, isNull, max } from 'drizzle-orm';
import { anyOf, onePerPool } from '../shared/sql.ts';
import type { Database } from '../../db/client.ts';
import { consents, templates, verifications } from '../../db/schema/biometrics.ts';

function createBiometricsRepository({ db }: Database) {
  const prepared = {
    modalitiesByCurp: db.select({ curp: templates.curp, modality: templates.modality }).from(templates).where(anyOf(templates.curp)).prepare('biometric_modalities_by_curp'),
    consentsInForce: db.select({ curp: consents.curp }).from(consents).where(and(anyOf(consents.curp), isNull(consents.revokedAt))).prepare('biometric_consents_in_force'),
    lastVerifications: db.select({ curp: verifications.curp, at: max(verifications.verifiedAt) }).from(verifications)
      .where(anyOf(verifications.curp)).groupBy(verifications.curp).prepare('biometric_last_verifications'),
  };
  return {
    modalitiesByCurp: (curps: readonly string[]) => prepared.modalitiesByCurp.execute({ keys: [...curps] }),
    consentsInForce: (curps: readonly string[]) => prepared.consentsInForce.execute({ keys: [...curps] }),
    lastVerifications: (curps: readonly string[]) => prepared.lastVerifications.execute({ keys: [...curps] }),
  };
}

export const biometricsRepository = onePerPool(createBiometricsRepository);

export type BiometricsRepository = ReturnType<typeof createBiometricsRepository>;
