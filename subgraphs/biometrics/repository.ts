/**
 * All SQL of the biometrics subgraph. Every read path selects metadata columns only
 * (`captureColumns`): a template's envelope (ciphertext, IVs, tags, wrapped data key) is selected
 * by exactly two statements, `sealedActiveTemplates` (the verification service, which opens the
 * template in memory) and `rotation.lockBatch` (the key rotation, which re-wraps the data key
 * without ever decrypting the template).
 */
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../../db/client.ts';
import {
  consentRecords, employerIdentityVerifications, templateRecords, verificationAttempts, verificationLockouts,
} from '../../db/schema/biometrics.ts';
import { anyOf, onePerPool, preparedStatement } from '../shared/sql.ts';
import type { SealedTemplate } from './crypto/envelope.ts';
import type { CaptureModel, ConsentModel, EmployerIdentityVerificationModel, VerificationAttemptModel } from './mappers.ts';
import type { BiometricModality } from './matching/template-format.ts';
import type { FingerPosition } from './rules/finger-positions.ts';
import type { StatusFacts } from './rules/status.ts';

export type NewConsent = typeof consentRecords.$inferInsert;
export type NewTemplateRecord = typeof templateRecords.$inferInsert;
export type NewVerificationAttempt = typeof verificationAttempts.$inferInsert;
export type NewEmployerIdentityVerification = typeof employerIdentityVerifications.$inferInsert;

/** The columns of a template record that are not its envelope: what every read path selects. */
export const captureColumns = {
  id: templateRecords.id,
  curp: templateRecords.curp,
  modality: templateRecords.modality,
  fingerPosition: templateRecords.fingerPosition,
  quality: templateRecords.quality,
  device: templateRecords.device,
  office: templateRecords.office,
  capturedByRole: templateRecords.capturedByRole,
  capturedBySubject: templateRecords.capturedBySubject,
  consentId: templateRecords.consentId,
  format: templateRecords.format,
  sealVersion: templateRecords.sealVersion,
  masterKeyId: templateRecords.masterKeyId,
  capturedAt: templateRecords.capturedAt,
  active: templateRecords.active,
  replacedAt: templateRecords.replacedAt,
  replacedBy: templateRecords.replacedBy,
  shreddedAt: templateRecords.shreddedAt,
};

/** The envelope columns plus what binds them to their record (crypto/binding.ts). */
const sealedColumns = {
  id: templateRecords.id,
  curp: templateRecords.curp,
  modality: templateRecords.modality,
  fingerPosition: templateRecords.fingerPosition,
  sealVersion: templateRecords.sealVersion,
  ciphertext: templateRecords.ciphertext,
  iv: templateRecords.iv,
  authTag: templateRecords.authTag,
  wrappedKey: templateRecords.wrappedKey,
  wrapIv: templateRecords.wrapIv,
  wrapTag: templateRecords.wrapTag,
  masterKeyId: templateRecords.masterKeyId,
};

export interface SealedRecord {
  id: string;
  curp: string;
  modality: BiometricModality;
  fingerPosition: FingerPosition | null;
  sealed: SealedTemplate;
}

interface SealedRow {
  id: string;
  curp: string;
  modality: BiometricModality;
  fingerPosition: FingerPosition | null;
  sealVersion: number;
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
  wrappedKey: Buffer | null;
  wrapIv: Buffer;
  wrapTag: Buffer;
  masterKeyId: string;
}

function toSealedRecord(row: SealedRow): SealedRecord {
  if (row.sealVersion !== 1) throw new Error(`template record ${row.id} has unsupported seal version ${row.sealVersion}`);
  return {
    id: row.id,
    curp: row.curp,
    modality: row.modality,
    fingerPosition: row.fingerPosition,
    sealed: {
      version: 1, ciphertext: row.ciphertext, iv: row.iv, authTag: row.authTag,
      wrappedKey: row.wrappedKey, wrapIv: row.wrapIv, wrapTag: row.wrapTag, masterKeyId: row.masterKeyId,
    },
  };
}

/** A person's stored facts, which rules/status.ts works their biometric status out from. */
export type PersonStatusFacts = StatusFacts & { curp: string };
type Attempt = NonNullable<StatusFacts['lastAttempt']>;

/** Timestamps arrive as text: drizzle's postgres.js driver turns postgres.js's date parsing off. */
interface StatusFactsRow extends Record<string, unknown> {
  curp: string;
  activeTemplates: Array<{ modality: BiometricModality; fingerPosition: FingerPosition | null }>;
  consentInForce: boolean;
  lastAttemptAt: string | null;
  lastAttemptModality: Attempt['modality'] | null;
  lastAttemptResult: Attempt['result'] | null;
  lastMatchAt: string | null;
  lockedUntil: string | null;
}

function createBiometricsRepository(database: Database) {
  const { db } = database;
  const va = verificationAttempts;
  const t = templateRecords;
  const c = consentRecords;
  const l = verificationLockouts;
  const prepared = {
    statusFacts: preparedStatement<StatusFactsRow>(database, sql`
      select k.curp,
        coalesce((select json_agg(json_build_object('modality', ${t.modality}, 'fingerPosition', ${t.fingerPosition}))
                  from ${t} where ${t.curp} = k.curp and ${t.active}), '[]'::json) as "activeTemplates",
        exists(select 1 from ${c} where ${c.curp} = k.curp and ${c.revokedAt} is null) as "consentInForce",
        last.attempted_at as "lastAttemptAt", last.modality as "lastAttemptModality", last.result as "lastAttemptResult",
        (select max(${va.attemptedAt}) from ${va} where ${va.curp} = k.curp and ${va.result} = 'MATCH') as "lastMatchAt",
        (select max(${l.lockedUntil}) from ${l} where ${l.curp} = k.curp) as "lockedUntil"
      from unnest(${sql.placeholder('keys')}::char(18)[]) as k(curp)
      left join lateral (
        select ${va.attemptedAt} as attempted_at, ${va.modality} as modality, ${va.result} as result
        from ${va} where ${va.curp} = k.curp order by ${va.attemptedAt} desc limit 1
      ) as last on true`),
    consentsByCurp: db.select().from(consentRecords).where(anyOf(consentRecords.curp)).orderBy(desc(consentRecords.grantedAt)).prepare('biometric_consents_by_curp'),
    capturesByCurp: db.select(captureColumns).from(templateRecords).where(anyOf(templateRecords.curp)).orderBy(desc(templateRecords.capturedAt)).prepare('biometric_captures_by_curp'),
  };
  return {
    /**
     * What a status is made of, for a batch of people, in one statement: active templates,
     * consent in force, last attempt, last match, latest lockout. It was five statements sent
     * together, 5 of the 19 a window view cost (`npm run bench -- --profile subgraphs`: postgres.js
     * socket writes and result objects per statement were the biometrics subgraph's top costs).
     * Each part is read per person through the same indexes as before (curp, attempted_at …).
     */
    statusFacts: async (curps: readonly string[]): Promise<PersonStatusFacts[]> => {
      const rows = await prepared.statusFacts({ keys: [...curps] });
      return rows.map((row) => ({
        curp: row.curp,
        activeTemplates: row.activeTemplates,
        consentInForce: row.consentInForce,
        lastAttempt: row.lastAttemptAt === null ? null : { at: new Date(row.lastAttemptAt), modality: row.lastAttemptModality!, result: row.lastAttemptResult! },
        lastMatchAt: row.lastMatchAt === null ? null : new Date(row.lastMatchAt),
        lockedUntil: row.lockedUntil === null ? null : new Date(row.lockedUntil),
      }));
    },
    consentsByCurp: (curps: readonly string[]): Promise<ConsentModel[]> => prepared.consentsByCurp.execute({ keys: [...curps] }),
    capturesByCurp: (curps: readonly string[]): Promise<CaptureModel[]> => prepared.capturesByCurp.execute({ keys: [...curps] }),

    attemptsOf: (curp: string, limit: number): Promise<VerificationAttemptModel[]> =>
      db.select().from(va).where(eq(va.curp, curp)).orderBy(desc(va.attemptedAt)).limit(limit),

    /** The verification of this employer user for this registration that holds longest, if any holds at `now`. */
    employerVerificationInForce: async (registration: string, employerSubject: string, now: Date): Promise<EmployerIdentityVerificationModel | undefined> => {
      const e = employerIdentityVerifications;
      const rows = await db.select().from(e)
        .where(and(eq(e.registration, registration), eq(e.employerSubject, employerSubject), gt(e.validUntil, now), lte(e.verifiedAt, now)))
        .orderBy(desc(e.validUntil)).limit(1);
      return rows[0];
    },

    /** Runs `work` in one transaction: a mutation either writes everything or nothing. */
    transaction: <T>(work: (tx: Tx) => Promise<T>): Promise<T> => db.transaction(work),
  };
}

export const biometricsRepository = onePerPool(createBiometricsRepository);
export type BiometricsRepository = ReturnType<typeof createBiometricsRepository>;

/** Statements used inside mutations' transactions. */
export const txQueries = {
  /**
   * The consent in force, locked: captures, verifications and the revocation of one person all
   * take this lock first, so they are serialised (a capture cannot slip in after a revocation,
   * two verifications cannot both miss the lockout).
   */
  lockConsentInForce: async (tx: Tx, curp: string): Promise<ConsentModel | undefined> =>
    (await tx.select().from(consentRecords).where(and(eq(consentRecords.curp, curp), isNull(consentRecords.revokedAt))).for('update'))[0],

  insertConsent: async (tx: Tx, row: NewConsent): Promise<ConsentModel> => (await tx.insert(consentRecords).values(row).returning())[0]!,

  revokeConsent: async (tx: Tx, id: string, at: Date, by: { role: 'INSURED' | 'IMSS_OFFICER'; subject: string }): Promise<ConsentModel> =>
    (await tx.update(consentRecords).set({ revokedAt: at, revokedBy: by.role, revokedBySubject: by.subject }).where(eq(consentRecords.id, id)).returning())[0]!,

  /** Crypto-shreds every template of the person whose data key still exists; returns their ids. */
  shredAllTemplates: (tx: Tx, curp: string, at: Date) =>
    tx.update(templateRecords)
      .set({ wrappedKey: null, shreddedAt: at, active: false })
      .where(and(eq(templateRecords.curp, curp), isNotNull(templateRecords.wrappedKey)))
      .returning({ id: templateRecords.id }),

  /** Deactivates and shreds the active template of this finger (or face), pointing it at its successor. */
  replaceActiveTemplate: (tx: Tx, curp: string, modality: BiometricModality, fingerPosition: FingerPosition | null, successorId: string, at: Date) =>
    tx.update(templateRecords)
      .set({ active: false, replacedAt: at, replacedBy: successorId, wrappedKey: null, shreddedAt: at })
      .where(and(
        eq(templateRecords.curp, curp),
        eq(templateRecords.modality, modality),
        fingerPosition === null ? isNull(templateRecords.fingerPosition) : eq(templateRecords.fingerPosition, fingerPosition),
        eq(templateRecords.active, true),
      ))
      .returning({ id: templateRecords.id }),

  insertTemplate: async (tx: Tx, row: NewTemplateRecord): Promise<CaptureModel> =>
    (await tx.insert(templateRecords).values(row).returning(captureColumns))[0]!,

  /**
   * The sealed active templates a probe is compared with: the modality's, limited to `fingers`
   * for fingerprints (null: every enrolled finger). Only the verification service calls this.
   */
  sealedActiveTemplates: async (tx: Tx, curp: string, modality: BiometricModality, fingers: readonly FingerPosition[] | null): Promise<SealedRecord[]> => {
    const rows = await tx.select(sealedColumns).from(templateRecords).where(and(
      eq(templateRecords.curp, curp),
      eq(templateRecords.modality, modality),
      eq(templateRecords.active, true),
      modality === 'FINGERPRINT' && fingers !== null ? inArray(templateRecords.fingerPosition, [...fingers]) : undefined,
    )).orderBy(asc(templateRecords.id));
    return rows.map(toSealedRecord);
  },

  recentAttempts: (tx: Tx, curp: string, since: Date) =>
    tx.select({ result: verificationAttempts.result, attemptedAt: verificationAttempts.attemptedAt }).from(verificationAttempts)
      .where(and(eq(verificationAttempts.curp, curp), gt(verificationAttempts.attemptedAt, since)))
      .orderBy(desc(verificationAttempts.attemptedAt)).limit(1000),

  lastLockout: async (tx: Tx, curp: string) =>
    (await tx.select({ lockedAt: verificationLockouts.lockedAt, lockedUntil: verificationLockouts.lockedUntil }).from(verificationLockouts)
      .where(eq(verificationLockouts.curp, curp)).orderBy(desc(verificationLockouts.lockedAt)).limit(1))[0],

  insertLockout: (tx: Tx, row: typeof verificationLockouts.$inferInsert) => tx.insert(verificationLockouts).values(row),

  insertAttempt: async (tx: Tx, row: NewVerificationAttempt): Promise<VerificationAttemptModel> =>
    (await tx.insert(verificationAttempts).values(row).returning())[0]!,

  /** The latest MATCH of `curp` recorded by this officer since `since`: the evidence of a BIOMETRIC employer verification. */
  recentMatchBy: async (tx: Tx, curp: string, officerSubject: string, since: Date) =>
    (await tx.select({ id: verificationAttempts.id, attemptedAt: verificationAttempts.attemptedAt }).from(verificationAttempts)
      .where(and(eq(verificationAttempts.curp, curp), eq(verificationAttempts.officerSubject, officerSubject), eq(verificationAttempts.result, 'MATCH'), gt(verificationAttempts.attemptedAt, since)))
      .orderBy(desc(verificationAttempts.attemptedAt)).limit(1))[0],

  insertEmployerVerification: async (tx: Tx, row: NewEmployerIdentityVerification): Promise<EmployerIdentityVerificationModel> =>
    (await tx.insert(employerIdentityVerifications).values(row).returning())[0]!,
};

/**
 * The key rotation's statements (rotation/rewrap.ts): records whose data key exists and is not
 * yet wrapped by the target key, in id order, a batch at a time under row locks.
 */
export const rotationQueries = {
  pendingByKey: (executor: Executor, targetKeyId: string) =>
    executor.select({ masterKeyId: templateRecords.masterKeyId, records: count() }).from(templateRecords)
      .where(and(isNotNull(templateRecords.wrappedKey), ne(templateRecords.masterKeyId, targetKeyId)))
      .groupBy(templateRecords.masterKeyId).orderBy(templateRecords.masterKeyId),

  /** The next batch after `afterId`, locked until the batch's transaction ends; `skip` are ids that failed earlier. */
  lockBatch: async (tx: Tx, targetKeyId: string, afterId: string | null, limit: number, skip: readonly string[]): Promise<SealedRecord[]> => {
    const rows = await tx.select(sealedColumns).from(templateRecords).where(and(
      isNotNull(templateRecords.wrappedKey),
      ne(templateRecords.masterKeyId, targetKeyId),
      afterId === null ? undefined : gt(templateRecords.id, afterId),
      skip.length > 0 ? notInArray(templateRecords.id, [...skip]) : undefined,
    )).orderBy(asc(templateRecords.id)).limit(limit).for('update');
    return rows.map(toSealedRecord);
  },

  /** Compare-and-set: only a record still wrapped by `fromKeyId` (and not shredded meanwhile) changes. */
  updateWrap: async (tx: Tx, id: string, fromKeyId: string, wrap: { wrappedKey: Buffer; wrapIv: Buffer; wrapTag: Buffer; masterKeyId: string }): Promise<boolean> => {
    const rows = await tx.update(templateRecords).set(wrap)
      .where(and(eq(templateRecords.id, id), eq(templateRecords.masterKeyId, fromKeyId), isNotNull(templateRecords.wrappedKey)))
      .returning({ id: templateRecords.id });
    return rows.length === 1;
  },
};
