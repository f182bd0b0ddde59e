/**
 * All SQL of the biometrics subgraph. Status queries select metadata columns only: template
 * ciphertext never leaves the database on a read path.
 */
import { and, desc, inArray, isNull, max } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { consents, templates, verifications } from '../../db/schema/biometrics.ts';

export function createBiometricsRepository({ db }: Database) {
  return {
    modalitiesByCurp: (curps: readonly string[]) =>
      db.select({ curp: templates.curp, modality: templates.modality }).from(templates).where(inArray(templates.curp, [...curps])),
    consentsInForce: (curps: readonly string[]) =>
      db.select({ curp: consents.curp }).from(consents).where(and(inArray(consents.curp, [...curps]), isNull(consents.revokedAt))),
    lastVerifications: (curps: readonly string[]) =>
      db.select({ curp: verifications.curp, at: max(verifications.verifiedAt) }).from(verifications)
        .where(inArray(verifications.curp, [...curps])).groupBy(verifications.curp).orderBy(desc(max(verifications.verifiedAt))),
  };
}

export type BiometricsRepository = ReturnType<typeof createBiometricsRepository>;
