/**
 * Tables owned by the biometrics subgraph (Postgres schema `biometrics`). Templates are stored
 * encrypted (AES-256-GCM, key outside the database) and no GraphQL field ever returns them.
 */
import { sql } from 'drizzle-orm';
import { char, check, index, pgSchema, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { bytea } from './column-types.ts';


export const biometricsSchema = pgSchema('biometrics');

export const MODALITIES = ['FINGERPRINT', 'FACE'] as const;

export const templates = biometricsSchema.table(
  'templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    curp: char('curp', { length: 18 }).notNull(),
    modality: varchar('modality', { length: 16, enum: MODALITIES }).notNull(),
    ciphertext: bytea('ciphertext').notNull(),
    iv: bytea('iv').notNull(),
    authTag: bytea('auth_tag').notNull(),
    keyId: varchar('key_id', { length: 64 }).notNull(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('templates_person_modality').on(t.curp, t.modality),
    check('templates_modality', sql`${t.modality} in ('FINGERPRINT', 'FACE')`),
  ],
);

export const consents = biometricsSchema.table(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    curp: char('curp', { length: 18 }).notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('consents_curp_idx').on(t.curp)],
);

export const verifications = biometricsSchema.table(
  'verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    curp: char('curp', { length: 18 }).notNull(),
    modality: varchar('modality', { length: 16 }).notNull(),
    matched: varchar('result', { length: 16 }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('verifications_curp_idx').on(t.curp, t.verifiedAt)],
);
