/**
 * Tables owned by the biometrics subgraph (Postgres schema `biometrics`). Biometric data is
 * sensitive personal data (docs/domain.md §9): a capture needs a consent in force, templates are
 * stored only sealed (AES-256-GCM with a per-record data key wrapped by a master key that lives
 * outside the database), and no GraphQL field ever returns a template or a key. Revoking consent
 * destroys the wrapped data keys (crypto-shredding); the metadata rows stay as the record of what
 * happened.
 */
import { sql } from 'drizzle-orm';
import { boolean, char, check, index, integer, pgSchema, real, smallint, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { bytea } from './column-types.ts';

export const biometricsSchema = pgSchema('biometrics');

export const MODALITIES = ['FINGERPRINT', 'FACE'] as const;
/** ISO/IEC 19794-2 finger positions 1–10 (0, unknown, is never enrolled). */
export const FINGER_POSITIONS = [
  'RIGHT_THUMB', 'RIGHT_INDEX', 'RIGHT_MIDDLE', 'RIGHT_RING', 'RIGHT_LITTLE',
  'LEFT_THUMB', 'LEFT_INDEX', 'LEFT_MIDDLE', 'LEFT_RING', 'LEFT_LITTLE',
] as const;
export const TEMPLATE_FORMATS = ['ISO_19794_2_2005', 'FACE_EMBEDDING_F32_V1'] as const;
export const VERIFICATION_RESULTS = ['MATCH', 'NO_MATCH', 'LOCKED', 'NOT_ENROLLED'] as const;
export const IDENTITY_METHODS = ['EFIRMA', 'BIOMETRIC'] as const;
/** Who may record or revoke a consent: the officer at the window, or the person themself. */
export const CONSENT_ACTOR_ROLES = ['IMSS_OFFICER', 'INSURED'] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A person's explicit consent to biometric processing, recorded in person by an IMSS officer. */
export const consentRecords = biometricsSchema.table(
  'consent_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    curp: char('curp', { length: 18 }).notNull(),
    /** What the person was told the data is for (the consent is specific to it). */
    purpose: varchar('purpose', { length: 200 }).notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    /** The officer's office (subdelegation from their token). */
    office: varchar('office', { length: 64 }).notNull(),
    officerRole: varchar('officer_role', { length: 32, enum: CONSENT_ACTOR_ROLES }).notNull(),
    officerSubject: varchar('officer_subject', { length: 255 }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: varchar('revoked_by', { length: 32, enum: CONSENT_ACTOR_ROLES }),
    revokedBySubject: varchar('revoked_by_subject', { length: 255 }),
  },
  (t) => [
    index('consent_records_curp_idx').on(t.curp),
    /** At most one consent in force per person: the row every capture and verification locks. */
    uniqueIndex('consent_records_one_in_force').on(t.curp).where(sql`${t.revokedAt} is null`),
    check('consent_records_officer_role', sql`${t.officerRole} in (${inList(CONSENT_ACTOR_ROLES)})`),
    check('consent_records_revocation', sql`(${t.revokedAt} is null) = (${t.revokedBy} is null)`),
  ],
);

/**
 * One captured template: its metadata in clear, the template itself only as an envelope
 * (crypto/envelope.ts). `wrapped_key` null means crypto-shredded. A re-capture deactivates the
 * previous record (replaced_at) and shreds it; the row stays as history.
 */
export const templateRecords = biometricsSchema.table(
  'template_records',
  {
    id: uuid('id').primaryKey(),
    curp: char('curp', { length: 18 }).notNull(),
    modality: varchar('modality', { length: 16, enum: MODALITIES }).notNull(),
    /** Fingerprints only; null for a face. */
    fingerPosition: varchar('finger_position', { length: 16, enum: FINGER_POSITIONS }),
    /** NFIQ 2 (0–100) for fingerprints; the face quality score of the capture station for faces. */
    quality: smallint('quality').notNull(),
    device: varchar('device', { length: 64 }).notNull(),
    office: varchar('office', { length: 64 }).notNull(),
    capturedByRole: varchar('captured_by_role', { length: 32 }).notNull(),
    capturedBySubject: varchar('captured_by_subject', { length: 255 }).notNull(),
    consentId: uuid('consent_id').notNull().references(() => consentRecords.id),
    format: varchar('format', { length: 32, enum: TEMPLATE_FORMATS }).notNull(),
    sealVersion: smallint('seal_version').notNull(),
    ciphertext: bytea('ciphertext').notNull(),
    iv: bytea('iv').notNull(),
    authTag: bytea('auth_tag').notNull(),
    wrappedKey: bytea('wrapped_key'),
    wrapIv: bytea('wrap_iv').notNull(),
    wrapTag: bytea('wrap_tag').notNull(),
    masterKeyId: varchar('master_key_id', { length: 64 }).notNull(),
    capturedAt: timestamp('captured_at', { withTimezone: true }).notNull(),
    active: boolean('active').notNull().default(true),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    replacedBy: uuid('replaced_by'),
    shreddedAt: timestamp('shredded_at', { withTimezone: true }),
  },
  (t) => [
    index('template_records_curp_idx').on(t.curp),
    uniqueIndex('template_records_one_active')
      .on(t.curp, t.modality, sql`coalesce(${t.fingerPosition}, '')`)
      .where(sql`${t.active}`),
    /** What a key rotation scans: records whose data key still exists, by master key. */
    index('template_records_rewrap_idx').on(t.masterKeyId, t.id).where(sql`${t.wrappedKey} is not null`),
    check('template_records_modality', sql`${t.modality} in (${inList(MODALITIES)})`),
    check('template_records_format', sql`${t.format} in (${inList(TEMPLATE_FORMATS)})`),
    check(
      'template_records_finger',
      sql`(${t.modality} = 'FINGERPRINT' and ${t.fingerPosition} in (${inList(FINGER_POSITIONS)})) or (${t.modality} = 'FACE' and ${t.fingerPosition} is null)`,
    ),
    check('template_records_quality', sql`${t.quality} between 0 and 100`),
    check('template_records_shredded', sql`(${t.wrappedKey} is null) = (${t.shreddedAt} is not null)`),
    check('template_records_active_readable', sql`not ${t.active} or (${t.wrappedKey} is not null and ${t.replacedAt} is null)`),
  ],
);

/** Every 1:1 verification attempt (never the probe itself). */
export const verificationAttempts = biometricsSchema.table(
  'verification_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    curp: char('curp', { length: 18 }).notNull(),
    modality: varchar('modality', { length: 16, enum: MODALITIES }).notNull(),
    fingerPosition: varchar('finger_position', { length: 16, enum: FINGER_POSITIONS }),
    result: varchar('result', { length: 16, enum: VERIFICATION_RESULTS }).notNull(),
    /** The compared template record (null when nothing was compared). */
    templateId: uuid('template_id'),
    score: real('score'),
    threshold: real('threshold'),
    office: varchar('office', { length: 64 }).notNull(),
    officerSubject: varchar('officer_subject', { length: 255 }).notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    /** Set when this attempt locked verification, or was refused (LOCKED) because it was locked. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [
    index('verification_attempts_curp_idx').on(t.curp, t.attemptedAt),
    check('verification_attempts_result', sql`${t.result} in (${inList(VERIFICATION_RESULTS)})`),
    check('verification_attempts_modality', sql`${t.modality} in (${inList(MODALITIES)})`),
  ],
);

/** Verification locked for a person after repeated failures, until `locked_until`. */
export const verificationLockouts = biometricsSchema.table(
  'verification_lockouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    curp: char('curp', { length: 18 }).notNull(),
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
    failures: integer('failures').notNull(),
    office: varchar('office', { length: 64 }).notNull(),
  },
  (t) => [
    index('verification_lockouts_curp_idx').on(t.curp, t.lockedUntil),
    check('verification_lockouts_period', sql`${t.lockedUntil} > ${t.lockedAt}`),
  ],
);

/**
 * An employer's identity verified in person by an IMSS officer: the SAT e.firma certificate
 * checked (EFIRMA), or a 1:1 biometric verification of the legal representative passed here
 * (BIOMETRIC). The enrollments subgraph relies on it through a signed identity assertion.
 */
export const employerIdentityVerifications = biometricsSchema.table(
  'employer_identity_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registration: char('registration', { length: 11 }).notNull(),
    /** The employer's user (`sub` of its token) whose identity was verified. */
    employerSubject: varchar('employer_subject', { length: 255 }).notNull(),
    method: varchar('method', { length: 16, enum: IDENTITY_METHODS }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    /** EFIRMA: serial number of the SAT certificate the officer checked. */
    certificateSerial: varchar('certificate_serial', { length: 20 }),
    /** BIOMETRIC: the legal representative and the passed verification attempt. */
    representativeCurp: char('representative_curp', { length: 18 }),
    verificationAttemptId: uuid('verification_attempt_id').references(() => verificationAttempts.id),
    recordedByRole: varchar('recorded_by_role', { length: 32 }).notNull(),
    recordedBySubject: varchar('recorded_by_subject', { length: 255 }).notNull(),
    office: varchar('office', { length: 64 }).notNull(),
    /** The purpose the officer declared. */
    purpose: varchar('purpose', { length: 200 }).notNull(),
  },
  (t) => [
    index('employer_identity_verifications_lookup_idx').on(t.registration, t.employerSubject, t.validUntil),
    check('employer_identity_verifications_method', sql`${t.method} in (${inList(IDENTITY_METHODS)})`),
    check('employer_identity_verifications_period', sql`${t.validUntil} > ${t.verifiedAt}`),
    check(
      'employer_identity_verifications_evidence',
      sql`(${t.method} = 'EFIRMA' and ${t.certificateSerial} is not null and ${t.representativeCurp} is null) or (${t.method} = 'BIOMETRIC' and ${t.representativeCurp} is not null and ${t.verificationAttemptId} is not null)`,
    ),
  ],
);
