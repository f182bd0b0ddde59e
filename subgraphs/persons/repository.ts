/**
 * All SQL of the persons subgraph. Reads are batch-shaped (one statement for many keys) so the
 * loaders can resolve a list of persons in a constant number of statements.
 */
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { anyOf, onePerPool } from '../shared/sql.ts';
import { accessEvents } from '../../db/schema/audit.ts';
import {
  addresses, beneficiaries, clinicPostalCodes, clinics, nssSequences, persons, proofsOfLife,
} from '../../db/schema/persons.ts';
import type { AddressModel, BeneficiaryModel, ClinicModel, PersonRow, ProofOfLifeModel } from './mappers.ts';

export type NewPerson = typeof persons.$inferInsert;
export type NewAddress = typeof addresses.$inferInsert;
export type NewBeneficiary = typeof beneficiaries.$inferInsert;

/**
 * Built once per pool (not per request): the hot batch reads are prepared statements, so drizzle
 * does not rebuild their SQL on every call (measured at ~10% of the subgraph's CPU).
 */
function createPersonsRepository(database: Database) {
  const { db } = database;
  const prepared = {
    personsByCurp: db.select().from(persons).where(anyOf(persons.curp)).prepare('persons_by_curp'),
    personsByNss: db.select().from(persons).where(anyOf(persons.nss)).prepare('persons_by_nss'),
    addressesByCurp: db.select().from(addresses).where(anyOf(addresses.curp)).prepare('addresses_by_curp'),
    clinicsById: db.select().from(clinics).where(anyOf(clinics.id)).prepare('clinics_by_id'),
    beneficiariesByHolder: db.select().from(beneficiaries).where(anyOf(beneficiaries.holderCurp)).orderBy(asc(beneficiaries.createdAt)).prepare('beneficiaries_by_holder'),
    proofsOfLifeByCurp: db.select().from(proofsOfLife).where(anyOf(proofsOfLife.curp)).orderBy(desc(proofsOfLife.provedOn)).prepare('proofs_of_life_by_curp'),
  };
  return {
    personsByCurp: (curps: readonly string[]): Promise<PersonRow[]> => prepared.personsByCurp.execute({ keys: [...curps] }),

    personsByNss: (nssList: readonly string[]): Promise<PersonRow[]> => prepared.personsByNss.execute({ keys: [...nssList] }),

    addressesByCurp: (curps: readonly string[]): Promise<AddressModel[]> => prepared.addressesByCurp.execute({ keys: [...curps] }),

    clinicsById: (ids: readonly string[]): Promise<ClinicModel[]> => prepared.clinicsById.execute({ keys: [...ids] }),

    clinics: (state: string | null): Promise<ClinicModel[]> =>
      db.select().from(clinics).where(state ? eq(clinics.state, state) : undefined).orderBy(asc(clinics.number)),

    beneficiariesByHolder: (holders: readonly string[]): Promise<BeneficiaryModel[]> =>
      prepared.beneficiariesByHolder.execute({ keys: [...holders] }),

    beneficiaryById: async (id: string): Promise<BeneficiaryModel | undefined> =>
      (await db.select().from(beneficiaries).where(eq(beneficiaries.id, id)))[0],

    proofsOfLifeByCurp: (curps: readonly string[]): Promise<ProofOfLifeModel[]> =>
      prepared.proofsOfLifeByCurp.execute({ keys: [...curps] }),

    accessLog: (curp: string, limit: number) =>
      db.select().from(accessEvents).where(eq(accessEvents.subjectCurp, curp)).orderBy(desc(accessEvents.at)).limit(limit),

    /** Accesses by declared exception, newest first, for review (bounded: a report, not an export). */
    accessExceptions: (office: string | null, from: string, to: string) =>
      db.select().from(accessEvents)
        .where(and(
          isNotNull(accessEvents.exceptionReason),
          sql`${accessEvents.at} >= ${from}::date and ${accessEvents.at} < ${to}::date + 1`,
          office ? eq(accessEvents.actorScope, office) : undefined,
        ))
        .orderBy(desc(accessEvents.at))
        .limit(1000),

    /** Runs `work` in one transaction: a mutation either writes everything or nothing. */
    transaction: <T>(work: (tx: Tx) => Promise<T>): Promise<T> => db.transaction(work),
  };
}

export const personsRepository = onePerPool(createPersonsRepository);
export type PersonsRepository = ReturnType<typeof createPersonsRepository>;

/** Statements used inside mutations' transactions. */
export const txQueries = {
  lockPerson: async (tx: Tx, curp: string): Promise<PersonRow | undefined> =>
    (await tx.select().from(persons).where(eq(persons.curp, curp)).for('update'))[0],

  insertPerson: (tx: Tx, row: NewPerson) => tx.insert(persons).values(row).onConflictDoNothing().returning(),

  setNss: (tx: Tx, curp: string, nss: string, clinicId: string | null, email: string) =>
    tx.update(persons)
      .set({ nss, clinicId, email, nssAssignedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(persons.curp, curp), sql`${persons.nss} is null`))
      .returning(),

  updateContact: (tx: Tx, curp: string, values: { email?: string; phone?: string; clinicId?: string | null }) =>
    tx.update(persons).set({ ...values, updatedAt: new Date() }).where(eq(persons.curp, curp)).returning(),

  upsertAddress: (tx: Tx, row: NewAddress) =>
    tx.insert(addresses).values(row).onConflictDoUpdate({ target: addresses.curp, set: { ...row, updatedAt: new Date() } }),

  /**
   * Next sequence for (subdelegation, year), from 0001: the row lock taken by ON CONFLICT DO
   * UPDATE serialises concurrent callers, so two assignments can never draw the same number.
   */
  nextNssSequence: async (tx: Tx, subdelegation: string, registrationYear: string): Promise<number> => {
    const [row] = await tx
      .insert(nssSequences)
      .values({ subdelegation, registrationYear, lastSequence: 1 })
      .onConflictDoUpdate({
        target: [nssSequences.subdelegation, nssSequences.registrationYear],
        set: { lastSequence: sql`${nssSequences.lastSequence} + 1` },
      })
      .returning({ lastSequence: nssSequences.lastSequence });
    return row!.lastSequence;
  },

  /** Longest postal-code prefix wins (a 5-digit entry beats a 2-digit one). */
  clinicForPostalCode: async (tx: Tx, postalCode: string): Promise<ClinicModel | undefined> => {
    const rows = await tx
      .select({ clinic: clinics, prefix: clinicPostalCodes.postalCodePrefix })
      .from(clinicPostalCodes)
      .innerJoin(clinics, eq(clinics.id, clinicPostalCodes.clinicId))
      .where(sql`${postalCode} like ${clinicPostalCodes.postalCodePrefix} || '%'`)
      .orderBy(desc(sql`length(${clinicPostalCodes.postalCodePrefix})`))
      .limit(1);
    return rows[0]?.clinic;
  },

  insertBeneficiary: (tx: Tx, row: NewBeneficiary) => tx.insert(beneficiaries).values(row).returning(),

  beneficiariesOf: (tx: Tx, holderCurp: string) =>
    tx.select().from(beneficiaries).where(eq(beneficiaries.holderCurp, holderCurp)).for('update'),

  updateBeneficiary: (tx: Tx, id: string, values: Partial<NewBeneficiary>) =>
    tx.update(beneficiaries).set(values).where(eq(beneficiaries.id, id)).returning(),

  deleteBeneficiary: (tx: Tx, id: string) => tx.delete(beneficiaries).where(eq(beneficiaries.id, id)).returning(),

  insertProofOfLife: (tx: Tx, row: typeof proofsOfLife.$inferInsert) => tx.insert(proofsOfLife).values(row).returning(),
};

