/**
 * Tables owned by the enrollments subgraph (Postgres schema `enrollments`):
 * - enrollments, with the details of each programme (PTI, family health and its members) and the
 *   employers' movements (IDSE altas, bajas, salary changes);
 * - the dated reference tables every amount is computed with (UMA, minimum wage, family health
 *   fees, PTI rates and programme settings, waiting periods, excluded conditions) and the
 *   non-business days of the deadline calendar: data, never constants in code;
 * - the statistics summary analysts read, kept by triggers on write (see the custom migration).
 * Enum columns are varchar with their values as a check constraint; the value lists are the
 * GraphQL enums' (schema/enrollments.graphql), so no casts are needed either way.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint, boolean, char, check, date, index, integer, jsonb, pgSchema, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid, varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const enrollmentsSchema = pgSchema('enrollments');

export const ENROLLMENT_KINDS = ['EMPLOYMENT', 'INDEPENDENT_WORKER', 'FAMILY_HEALTH', 'VOLUNTARY_CONTINUATION'] as const;
export const PAYMENT_PERIODS = ['MONTHLY', 'SEMIANNUAL', 'ANNUAL'] as const;
export const WAGE_ZONES = ['GENERAL', 'NORTHERN_BORDER'] as const;
export const MOVEMENT_KINDS = ['ALTA', 'BAJA', 'SALARY_CHANGE'] as const;
export const SALARY_TYPES = ['FIXED', 'VARIABLE'] as const;
export const IDENTITY_METHODS = ['EFIRMA', 'BIOMETRIC'] as const;
export const FAMILY_RELATIONSHIPS = ['HOLDER', 'SPOUSE', 'CHILD', 'PARENT', 'OTHER_RELATIVE'] as const;
/** Age bands of the family health fees (rules/reference/family-health-fees.ts) and of the statistics. */
export const AGE_BANDS = ['0-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80+'] as const;
/** CURP position 11. */
export const SEXES = ['H', 'M', 'X'] as const;
/** The dated reference tables; each name is the one errors about the table carry. */
export const REFERENCE_TABLES = ['UMA', 'MINIMUM_WAGE', 'FAMILY_HEALTH_FEES', 'PTI_RATES', 'PTI_PROGRAMME', 'WAITING_PERIODS', 'EXCLUDED_CONDITIONS'] as const;
export const CONTRIBUTION_SHARES = ['EMPLOYER', 'WORKER'] as const;
export const CONTRIBUTION_BASES = ['UMA', 'EXCESS_OVER_UMA', 'INCOME'] as const;
export const NON_BUSINESS_DAY_KINDS = ['ELECTION_DAY', 'DECLARED_CLOSURE'] as const;

/** `column in ('A', 'B')` for an enum column's check constraint (values are our own constants). */
function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

const day = (name: string) => date(name, { mode: 'string' });

export const enrollments = enrollmentsSchema.table(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The person's key in the persons subgraph; not a foreign key across subgraph schemas. */
    curp: char('curp', { length: 18 }).notNull(),
    kind: varchar('kind', { length: 32, enum: ENROLLMENT_KINDS }).notNull(),
    modality: char('modality', { length: 2 }).notNull(),
    employerRegistration: char('employer_registration', { length: 11 }),
    startDate: day('start_date').notNull(),
    /** Null while open (no baja yet); family health: the last day of the paid year. */
    endDate: day('end_date'),
    /** ISO 3166-1 alpha-2 country where the enrollment was made (MX for employers' altas). */
    country: char('country', { length: 2 }).notNull().default('MX'),
    /** The consulate whose window made the enrollment (from the staff member's token), if any. */
    consulateId: varchar('consulate_id', { length: 32 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enrollments_curp_idx').on(t.curp),
    index('enrollments_employer_idx').on(t.employerRegistration),
    /** One open employment per worker and registro patronal, whatever the concurrency (services lock first). */
    uniqueIndex('enrollments_one_open_employment').on(t.curp, t.employerRegistration).where(sql`${t.kind} = 'EMPLOYMENT' and ${t.endDate} is null`),
    /** One open PTI enrollment per person. */
    uniqueIndex('enrollments_one_open_independent_worker').on(t.curp).where(sql`${t.kind} = 'INDEPENDENT_WORKER' and ${t.endDate} is null`),
    check('enrollments_kind', sql`${t.kind} in ('EMPLOYMENT', 'INDEPENDENT_WORKER', 'FAMILY_HEALTH', 'VOLUNTARY_CONTINUATION')`),
    check('enrollments_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('enrollments_employment_registration', sql`${t.kind} <> 'EMPLOYMENT' or ${t.employerRegistration} is not null`),
    check('enrollments_country', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/** Voluntary enrollment of a persona trabajadora independiente (docs/domain.md §5). */
export const independentWorkerEnrollments = enrollmentsSchema.table(
  'independent_worker_enrollments',
  {
    enrollmentId: uuid('enrollment_id').primaryKey().references(() => enrollments.id),
    declaredMonthlyIncomeCentavos: integer('declared_monthly_income_centavos').notNull(),
    paymentPeriod: varchar('payment_period', { length: 16, enum: PAYMENT_PERIODS }).notNull(),
    wageZone: varchar('wage_zone', { length: 16, enum: WAGE_ZONES }).notNull(),
    /** Last day to pay the first period, so that coverage starts on the enrollment's start date. */
    firstPaymentDeadline: day('first_payment_deadline').notNull(),
  },
  (t) => [
    check('independent_worker_income', sql`${t.declaredMonthlyIncomeCentavos} > 0`),
    check('independent_worker_payment_period', oneOf(t.paymentPeriod, PAYMENT_PERIODS)),
    check('independent_worker_wage_zone', oneOf(t.wageZone, WAGE_ZONES)),
  ],
);

/** Seguro de Salud para la Familia (modalidad 33): the quote fixed on the date of payment. */
export const familyHealthEnrollments = enrollmentsSchema.table(
  'family_health_enrollments',
  {
    enrollmentId: uuid('enrollment_id').primaryKey().references(() => enrollments.id),
    /** The date of payment the fees were quoted for (paid in advance: on or before the start). */
    paymentDate: day('payment_date').notNull(),
    totalAnnualFeeCentavos: integer('total_annual_fee_centavos').notNull(),
    /** False when the fee row used was unconfirmed or provisional. */
    feesConfirmed: boolean('fees_confirmed').notNull(),
  },
  (t) => [check('family_health_total', sql`${t.totalAnnualFeeCentavos} >= 0`)],
);

/** The persons a family health enrollment covers: only these are covered (docs/domain.md §8). */
export const familyHealthMembers = enrollmentsSchema.table(
  'family_health_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrollmentId: uuid('enrollment_id').notNull().references(() => enrollments.id),
    curp: char('curp', { length: 18 }).notNull(),
    relationship: varchar('relationship', { length: 16, enum: FAMILY_RELATIONSHIPS }).notNull(),
    ageOnPayment: smallint('age_on_payment').notNull(),
    ageBand: varchar('age_band', { length: 8, enum: AGE_BANDS }).notNull(),
    annualFeeCentavos: integer('annual_fee_centavos').notNull(),
    /** The member's answers to the medical questionnaire (codes of the excluded-conditions table). */
    declaredConditions: text('declared_conditions').array().notNull().default(sql`'{}'::text[]`),
    /** Conditions excluded from this member's cover (policy EXCLUDE_CONDITIONS). */
    exclusions: text('exclusions').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    unique('family_health_members_once').on(t.enrollmentId, t.curp),
    index('family_health_members_curp_idx').on(t.curp),
    check('family_health_members_relationship', oneOf(t.relationship, FAMILY_RELATIONSHIPS)),
    check('family_health_members_age_band', oneOf(t.ageBand, AGE_BANDS)),
  ],
);

/** IDSE movements an employer filed (docs/domain.md §6): 08 alta/reingreso, 02 baja, 07 salary change. */
export const employerMovements = enrollmentsSchema.table(
  'employer_movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrollmentId: uuid('enrollment_id').notNull().references(() => enrollments.id),
    curp: char('curp', { length: 18 }).notNull(),
    employerRegistration: char('employer_registration', { length: 11 }).notNull(),
    kind: varchar('kind', { length: 16, enum: MOVEMENT_KINDS }).notNull(),
    idseCode: char('idse_code', { length: 2 }).notNull(),
    /** Alta: first day of work; baja: termination date; salary change: date of the change. */
    eventDate: day('event_date').notNull(),
    /** The day IMSS received it (Mexico City calendar day). */
    filedOn: day('filed_on').notNull(),
    deadline: day('deadline').notNull(),
    effectiveDate: day('effective_date').notNull(),
    late: boolean('late').notNull(),
    bajaCause: varchar('baja_cause', { length: 2 }),
    dailyBaseSalaryCentavos: integer('daily_base_salary_centavos'),
    salaryType: varchar('salary_type', { length: 16, enum: SALARY_TYPES }),
    wageZone: varchar('wage_zone', { length: 16, enum: WAGE_ZONES }),
    /** How the employer's identity was verified (the biometrics subgraph's signed assertion). */
    identityMethod: varchar('identity_method', { length: 16, enum: IDENTITY_METHODS }).notNull(),
    identityAssertionId: varchar('identity_assertion_id', { length: 64 }).notNull(),
    filedBy: varchar('filed_by', { length: 255 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('employer_movements_enrollment_idx').on(t.enrollmentId),
    index('employer_movements_registration_idx').on(t.employerRegistration, t.filedOn),
    check('employer_movements_kind', oneOf(t.kind, MOVEMENT_KINDS)),
    check('employer_movements_salary_type', sql`${t.salaryType} is null or ${oneOf(t.salaryType, SALARY_TYPES)}`),
    check('employer_movements_wage_zone', sql`${t.wageZone} is null or ${oneOf(t.wageZone, WAGE_ZONES)}`),
    check('employer_movements_identity_method', oneOf(t.identityMethod, IDENTITY_METHODS)),
    check('employer_movements_baja_cause', sql`(${t.kind} = 'BAJA') = (${t.bajaCause} is not null)`),
    check('employer_movements_salary', sql`(${t.kind} = 'BAJA') = (${t.dailyBaseSalaryCentavos} is null) and (${t.dailyBaseSalaryCentavos} is null or ${t.dailyBaseSalaryCentavos} > 0)`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Dated reference tables. A version is one row of a dated table (validity, source, checked on,
// confirmed); its values are in the table of its kind. No two versions of a table overlap
// (trigger in the custom migration); rules/reference/dated-table.ts checks it again on read.

export const referenceVersions = enrollmentsSchema.table(
  'reference_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tableName: varchar('table_name', { length: 32, enum: REFERENCE_TABLES }).notNull(),
    validFrom: day('valid_from').notNull(),
    /** Inclusive; null = still open. */
    validTo: day('valid_to'),
    source: text('source').notNull(),
    checkedOn: day('checked_on').notNull(),
    confirmed: boolean('confirmed').notNull(),
  },
  (t) => [
    unique('reference_versions_start').on(t.tableName, t.validFrom),
    check('reference_versions_table', oneOf(t.tableName, REFERENCE_TABLES)),
    check('reference_versions_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

const version = () => uuid('version_id').notNull().references(() => referenceVersions.id);

/** UMA: daily value in centavos (INEGI, from 1 February). */
export const umaValues = enrollmentsSchema.table(
  'uma_values',
  { versionId: version().primaryKey(), dailyCentavos: integer('daily_centavos').notNull() },
  (t) => [check('uma_values_positive', sql`${t.dailyCentavos} > 0`)],
);

/** Daily minimum wage per zone in centavos (CONASAMI, from 1 January). */
export const minimumWages = enrollmentsSchema.table(
  'minimum_wages',
  {
    versionId: version(),
    zone: varchar('zone', { length: 16, enum: WAGE_ZONES }).notNull(),
    dailyCentavos: integer('daily_centavos').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.zone] }),
    check('minimum_wages_zone', oneOf(t.zone, WAGE_ZONES)),
    check('minimum_wages_positive', sql`${t.dailyCentavos} > 0`),
  ],
);

/** Family health annual fee per person and age band, in centavos. */
export const familyHealthFees = enrollmentsSchema.table(
  'family_health_fees',
  {
    versionId: version(),
    band: varchar('band', { length: 8, enum: AGE_BANDS }).notNull(),
    minAge: smallint('min_age').notNull(),
    /** Inclusive; null for the open top band. */
    maxAge: smallint('max_age'),
    annualFeeCentavos: integer('annual_fee_centavos').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.band] }),
    check('family_health_fees_band', oneOf(t.band, AGE_BANDS)),
    check('family_health_fees_ages', sql`${t.maxAge} is null or ${t.maxAge} >= ${t.minAge}`),
  ],
);

/** One contribution line of a PTI rate set (rules/reference/pti-rates.ts), in display order. */
export const ptiRateLines = enrollmentsSchema.table(
  'pti_rate_lines',
  {
    versionId: version(),
    position: smallint('position').notNull(),
    code: varchar('code', { length: 32 }).notNull(),
    label: text('label').notNull(),
    share: varchar('share', { length: 16, enum: CONTRIBUTION_SHARES }).notNull(),
    basis: varchar('basis', { length: 16, enum: CONTRIBUTION_BASES }).notNull(),
    /** EXCESS_OVER_UMA: the multiple of the monthly UMA above which the rate applies ('3'). */
    basisUmaMultiple: varchar('basis_uma_multiple', { length: 16 }),
    /** Decimal fraction as text ('0.0204'); null for a banded rate. */
    rate: varchar('rate', { length: 16 }),
    /** Banded rate: { atMinimumWage, bands: [{ upToUmaMultiple, rate }] } (decimal text). */
    bandedRate: jsonb('banded_rate'),
    article: text('article').notNull(),
    source: text('source').notNull(),
    confirmed: boolean('confirmed').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.code] }),
    unique('pti_rate_lines_position').on(t.versionId, t.position),
    check('pti_rate_lines_share', oneOf(t.share, CONTRIBUTION_SHARES)),
    check('pti_rate_lines_basis', oneOf(t.basis, CONTRIBUTION_BASES)),
    check('pti_rate_lines_rate', sql`(${t.rate} is null) <> (${t.bandedRate} is null)`),
    check('pti_rate_lines_excess', sql`(${t.basis} = 'EXCESS_OVER_UMA') = (${t.basisUmaMultiple} is not null)`),
  ],
);

/** PTI programme settings (rules/reference/pti-programme.ts). */
export const ptiProgrammeRules = enrollmentsSchema.table(
  'pti_programme_rules',
  {
    versionId: version().primaryKey(),
    paymentDeadlineDay: smallint('payment_deadline_day').notNull(),
    rollForwardOnNonBusinessDay: boolean('roll_forward_on_non_business_day').notNull(),
    modality: char('modality', { length: 2 }).notNull(),
  },
  (t) => [check('pti_programme_rules_day', sql`${t.paymentDeadlineDay} between 1 and 28`)],
);

/** Waiting periods per procedure (RACERF art. 83). */
export const waitingPeriods = enrollmentsSchema.table(
  'waiting_periods',
  {
    versionId: version(),
    code: varchar('code', { length: 64 }).notNull(),
    label: text('label').notNull(),
    months: smallint('months').notNull(),
    source: text('source').notNull(),
    confirmed: boolean('confirmed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.code] }), check('waiting_periods_months', sql`${t.months} > 0`)],
);

/** Pre-existing conditions that prevent or limit enrollment (RACERF art. 82). */
export const excludedConditions = enrollmentsSchema.table(
  'excluded_conditions',
  {
    versionId: version(),
    code: varchar('code', { length: 64 }).notNull(),
    label: text('label').notNull(),
    labelEs: text('label_es').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.code] })],
);

/** Non-business days beyond LFT art. 74: election days and closures the institute declares. */
export const nonBusinessDays = enrollmentsSchema.table(
  'non_business_days',
  {
    day: day('day').primaryKey(),
    kind: varchar('kind', { length: 16, enum: NON_BUSINESS_DAY_KINDS }).notNull(),
    source: text('source').notNull(),
    checkedOn: day('checked_on').notNull(),
  },
  (t) => [check('non_business_days_kind', oneOf(t.kind, NON_BUSINESS_DAY_KINDS))],
);

// ---------------------------------------------------------------------------------------------

/**
 * Statistics summary: counts per month (of the enrollment's start), country and consulate of the
 * enrollment, programme, and age band and sex from the CURP (positions 5–10, 17 and 11) — no copy
 * of person data. Kept on write by triggers (custom migration); analysts' queries read only this.
 * `members_covered` counts family health members by the member's own band and sex.
 */
export const enrollmentStatistics = enrollmentsSchema.table(
  'enrollment_statistics',
  {
    month: day('month').notNull(),
    country: char('country', { length: 2 }).notNull(),
    /** '' when the enrollment was not made at a consulate. */
    consulateId: varchar('consulate_id', { length: 32 }).notNull(),
    program: varchar('program', { length: 32, enum: ENROLLMENT_KINDS }).notNull(),
    ageBand: varchar('age_band', { length: 8, enum: AGE_BANDS }).notNull(),
    sex: char('sex', { length: 1, enum: SEXES }).notNull(),
    enrollments: integer('enrollments').notNull().default(0),
    membersCovered: integer('members_covered').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.country, t.consulateId, t.program, t.ageBand, t.sex] }),
    check('enrollment_statistics_program', oneOf(t.program, ENROLLMENT_KINDS)),
    check('enrollment_statistics_age_band', oneOf(t.ageBand, AGE_BANDS)),
    check('enrollment_statistics_sex', oneOf(t.sex, SEXES)),
    check('enrollment_statistics_counts', sql`${t.enrollments} >= 0 and ${t.membersCovered} >= 0`),
  ],
);

/**
 * How often the summary has changed: each transaction that writes it adds one, at its commit, to the
 * slot of its transaction id (trigger in migration 0016; 16 slots, so concurrent writers mostly bump
 * different rows). The sum only grows, and a reader sees
 * it move in the same snapshot as the summary rows, so an unchanged sum means unchanged counts:
 * statistics can be answered from the last published table without reading the summary again.
 */
export const statisticsChanges = enrollmentsSchema.table(
  'statistics_changes',
  {
    slot: smallint('slot').primaryKey(),
    changes: bigint('changes', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('statistics_changes_slot', sql`${t.slot} >= 0 and ${t.slot} < 16`)],
);

// ---------------------------------------------------------------------------------------------
// Payments (docs/domain.md §7): references issued per obligation, partner banks' payments, and
// the Idempotency-Keys banks record them with.

export const PAYMENT_CONCEPTS = ['INDEPENDENT_WORKER_CONTRIBUTION', 'FAMILY_HEALTH_FEE', 'EMPLOYER_MONTHLY_CUOTAS'] as const;

/**
 * A payment reference (línea de captura): opaque, 128 random bits with check digits
 * (rules/payments/payment-reference.ts); what it is for lives here, never in the string.
 */
export const paymentReferences = enrollmentsSchema.table(
  'payment_references',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The 28 characters without hyphens (the form parsePaymentReference gives). */
    reference: char('reference', { length: 28 }).notNull(),
    concept: varchar('concept', { length: 40, enum: PAYMENT_CONCEPTS }).notNull(),
    /** The obligation it pays: `<concept>:<enrollment or registration>:<period>`; a new reference for it supersedes the pending one. */
    obligation: text('obligation').notNull(),
    /** First month paid, YYYY-MM. */
    period: char('period', { length: 7 }).notNull(),
    periodStart: day('period_start').notNull(),
    periodEnd: day('period_end').notNull(),
    amountCentavos: integer('amount_centavos').notNull(),
    dueDate: day('due_date').notNull(),
    expiresOn: day('expires_on').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    /** The obligor: the person (PTI, family health holder) or the employer registration. */
    curp: char('curp', { length: 18 }),
    employerRegistration: char('employer_registration', { length: 11 }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id),
    /** Set when a newer reference for the same obligation replaced this one before it was paid. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    unique('payment_references_reference').on(t.reference),
    index('payment_references_obligation_idx').on(t.obligation, t.issuedAt),
    index('payment_references_curp_idx').on(t.curp),
    index('payment_references_registration_idx').on(t.employerRegistration),
    check('payment_references_concept', oneOf(t.concept, PAYMENT_CONCEPTS)),
    check('payment_references_amount', sql`${t.amountCentavos} > 0`),
    check('payment_references_period', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and ${t.periodEnd} >= ${t.periodStart}`),
    check('payment_references_obligor', sql`(${t.concept} = 'EMPLOYER_MONTHLY_CUOTAS') = (${t.employerRegistration} is not null) and (${t.employerRegistration} is null) = (${t.curp} is not null and ${t.enrollmentId} is not null)`),
  ],
);

/** A payment a partner bank collected: at most one per reference, whatever the concurrency (unique index). */
export const payments = enrollmentsSchema.table(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referenceId: uuid('reference_id').notNull().references(() => paymentReferences.id),
    bankId: varchar('bank_id', { length: 64 }).notNull(),
    amountCentavos: integer('amount_centavos').notNull(),
    /** When the payer paid, as the bank reports it. */
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    /** The Mexico City calendar day it was recorded: the bank's reconciliation day. */
    recordedOn: day('recorded_on').notNull(),
    /** The coverage the payment opened (PTI) or extended (family health renewal); null for employer cuotas. */
    coverageStart: day('coverage_start'),
    coverageEnd: day('coverage_end'),
    receiptFolio: varchar('receipt_folio', { length: 40 }).notNull(),
  },
  (t) => [
    unique('payments_one_per_reference').on(t.referenceId),
    unique('payments_receipt_folio').on(t.receiptFolio),
    index('payments_bank_day_idx').on(t.bankId, t.recordedOn),
    check('payments_amount', sql`${t.amountCentavos} > 0`),
    check('payments_coverage', sql`(${t.coverageStart} is null) = (${t.coverageEnd} is null) and (${t.coverageEnd} is null or ${t.coverageEnd} >= ${t.coverageStart})`),
  ],
);

/**
 * Idempotency-Keys (docs/security.md): per caller organisation (the bank) and operation, the key,
 * a fingerprint of the request (SHA-256 of its canonical input) and what it produced. A retry with
 * the same key and fingerprint gets the stored result; another fingerprint is refused.
 */
export const idempotencyKeys = enrollmentsSchema.table(
  'idempotency_keys',
  {
    scope: varchar('scope', { length: 64 }).notNull(),
    operation: varchar('operation', { length: 64 }).notNull(),
    key: varchar('key', { length: 255 }).notNull(),
    fingerprint: char('fingerprint', { length: 64 }).notNull(),
    paymentId: uuid('payment_id').notNull().references(() => payments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.operation, t.key] })],
);
