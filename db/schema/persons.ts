/**
 * Tables owned by the persons subgraph (Postgres schema `persons`). No other subgraph reads them;
 * other subgraphs reach persons through federation (Person @key(fields: "curp")).
 */
import { sql } from 'drizzle-orm';
import {
  boolean, char, check, date, index, integer, pgSchema, primaryKey, text, timestamp, uuid, varchar,
} from 'drizzle-orm/pg-core';

export const personsSchema = pgSchema('persons');

/** CURP position 11 (docs/domain.md §1): H hombre, M mujer, X non-binary. */
export const SEXES = ['H', 'M', 'X'] as const;
export const RELATIONSHIPS = ['SPOUSE', 'CONCUBINE', 'CHILD', 'PARENT'] as const;

/** UMF reference table; the address's postal code picks the clinic (see clinicPostalCodes). */
export const clinics = personsSchema.table('clinics', {
  id: varchar('id', { length: 16 }).primaryKey(),
  number: integer('number').notNull(),
  name: text('name').notNull(),
  state: char('state', { length: 2 }).notNull(),
  subdelegation: char('subdelegation', { length: 2 }).notNull(),
});

/**
 * Longest-prefix match from postal code to clinic: a prefix of 2–5 digits. A reference table,
 * not code, because clinic catchment areas change by administrative decision.
 */
export const clinicPostalCodes = personsSchema.table('clinic_postal_codes', {
  postalCodePrefix: varchar('postal_code_prefix', { length: 5 }).primaryKey(),
  clinicId: varchar('clinic_id', { length: 16 }).notNull().references(() => clinics.id),
});

export const persons = personsSchema.table(
  'persons',
  {
    curp: char('curp', { length: 18 }).primaryKey(),
    nss: char('nss', { length: 11 }).unique(),
    rfc: varchar('rfc', { length: 13 }),
    givenNames: text('given_names').notNull(),
    firstSurname: text('first_surname').notNull(),
    secondSurname: text('second_surname'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: char('sex', { length: 1, enum: SEXES }).notNull(),
    birthState: char('birth_state', { length: 2 }).notNull(),
    email: varchar('email', { length: 254 }),
    phone: varchar('phone', { length: 32 }),
    clinicId: varchar('clinic_id', { length: 16 }).references(() => clinics.id),
    /** Pensioners living abroad must prove they are alive every 6 months (docs/domain.md §8). */
    pensionerAbroad: boolean('pensioner_abroad').notNull().default(false),
    pensionStartedOn: date('pension_started_on', { mode: 'string' }),
    nssAssignedAt: timestamp('nss_assigned_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('persons_sex_check', sql`${t.sex} in ('H', 'M', 'X')`),
    check('persons_curp_shape', sql`${t.curp} ~ '^[A-Z][AEIOUX][A-Z]{2}[0-9]{6}[HMX][A-Z]{2}[A-Z]{3}[A-Z0-9][0-9]$'`),
    check('persons_nss_shape', sql`${t.nss} ~ '^[0-9]{11}$'`),
  ],
);

export const addresses = personsSchema.table('addresses', {
  curp: char('curp', { length: 18 }).primaryKey().references(() => persons.curp, { onDelete: 'cascade' }),
  street: text('street').notNull(),
  exteriorNumber: varchar('exterior_number', { length: 32 }).notNull(),
  interiorNumber: varchar('interior_number', { length: 32 }),
  neighbourhood: text('neighbourhood').notNull(),
  municipality: text('municipality').notNull(),
  state: char('state', { length: 2 }).notNull(),
  postalCode: char('postal_code', { length: 5 }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Per (subdelegation, registration year) counter for new NSS. Incremented with
 * INSERT … ON CONFLICT DO UPDATE … RETURNING, which serialises concurrent assignments on the row
 * lock: no check-then-insert, no collisions.
 */
export const nssSequences = personsSchema.table(
  'nss_sequences',
  {
    subdelegation: char('subdelegation', { length: 2 }).notNull(),
    registrationYear: char('registration_year', { length: 2 }).notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subdelegation, t.registrationYear] }),
    check('nss_sequences_range', sql`${t.lastSequence} between 0 and 9999`),
  ],
);

export const beneficiaries = personsSchema.table(
  'beneficiaries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    holderCurp: char('holder_curp', { length: 18 }).notNull().references(() => persons.curp, { onDelete: 'cascade' }),
    curp: char('curp', { length: 18 }),
    givenNames: text('given_names').notNull(),
    firstSurname: text('first_surname').notNull(),
    secondSurname: text('second_surname'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    relationship: varchar('relationship', { length: 16, enum: RELATIONSHIPS }).notNull(),
    livesInHousehold: boolean('lives_in_household').notNull(),
    studentExtensionUntil: date('student_extension_until', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('beneficiaries_holder_idx').on(t.holderCurp),
    check('beneficiaries_relationship', sql`${t.relationship} in ('SPOUSE', 'CONCUBINE', 'CHILD', 'PARENT')`),
  ],
);

export const proofsOfLife = personsSchema.table(
  'proofs_of_life',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    curp: char('curp', { length: 18 }).notNull().references(() => persons.curp, { onDelete: 'cascade' }),
    provedOn: date('proved_on', { mode: 'string' }).notNull(),
    consulateId: varchar('consulate_id', { length: 32 }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proofs_of_life_curp_idx').on(t.curp, t.provedOn)],
);
