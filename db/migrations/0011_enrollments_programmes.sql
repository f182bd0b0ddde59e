CREATE TABLE "enrollments"."employer_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"curp" char(18) NOT NULL,
	"employer_registration" char(11) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"idse_code" char(2) NOT NULL,
	"event_date" date NOT NULL,
	"filed_on" date NOT NULL,
	"deadline" date NOT NULL,
	"effective_date" date NOT NULL,
	"late" boolean NOT NULL,
	"baja_cause" varchar(2),
	"daily_base_salary_centavos" integer,
	"salary_type" varchar(16),
	"wage_zone" varchar(16),
	"identity_method" varchar(16) NOT NULL,
	"identity_assertion_id" varchar(64) NOT NULL,
	"filed_by" varchar(255) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employer_movements_kind" CHECK ("enrollments"."employer_movements"."kind" in ('ALTA', 'BAJA', 'SALARY_CHANGE')),
	CONSTRAINT "employer_movements_salary_type" CHECK ("enrollments"."employer_movements"."salary_type" is null or "enrollments"."employer_movements"."salary_type" in ('FIXED', 'VARIABLE')),
	CONSTRAINT "employer_movements_wage_zone" CHECK ("enrollments"."employer_movements"."wage_zone" is null or "enrollments"."employer_movements"."wage_zone" in ('GENERAL', 'NORTHERN_BORDER')),
	CONSTRAINT "employer_movements_identity_method" CHECK ("enrollments"."employer_movements"."identity_method" in ('EFIRMA', 'BIOMETRIC')),
	CONSTRAINT "employer_movements_baja_cause" CHECK (("enrollments"."employer_movements"."kind" = 'BAJA') = ("enrollments"."employer_movements"."baja_cause" is not null)),
	CONSTRAINT "employer_movements_salary" CHECK (("enrollments"."employer_movements"."kind" = 'BAJA') = ("enrollments"."employer_movements"."daily_base_salary_centavos" is null) and ("enrollments"."employer_movements"."daily_base_salary_centavos" is null or "enrollments"."employer_movements"."daily_base_salary_centavos" > 0))
);
--> statement-breakpoint
CREATE TABLE "enrollments"."enrollment_statistics" (
	"month" date NOT NULL,
	"country" char(2) NOT NULL,
	"consulate_id" varchar(32) NOT NULL,
	"program" varchar(32) NOT NULL,
	"age_band" varchar(8) NOT NULL,
	"sex" char(1) NOT NULL,
	"enrollments" integer DEFAULT 0 NOT NULL,
	"members_covered" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "enrollment_statistics_month_country_consulate_id_program_age_band_sex_pk" PRIMARY KEY("month","country","consulate_id","program","age_band","sex"),
	CONSTRAINT "enrollment_statistics_program" CHECK ("enrollments"."enrollment_statistics"."program" in ('EMPLOYMENT', 'INDEPENDENT_WORKER', 'FAMILY_HEALTH', 'VOLUNTARY_CONTINUATION')),
	CONSTRAINT "enrollment_statistics_age_band" CHECK ("enrollments"."enrollment_statistics"."age_band" in ('0-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80+')),
	CONSTRAINT "enrollment_statistics_sex" CHECK ("enrollments"."enrollment_statistics"."sex" in ('H', 'M', 'X')),
	CONSTRAINT "enrollment_statistics_counts" CHECK ("enrollments"."enrollment_statistics"."enrollments" >= 0 and "enrollments"."enrollment_statistics"."members_covered" >= 0)
);
--> statement-breakpoint
CREATE TABLE "enrollments"."excluded_conditions" (
	"version_id" uuid NOT NULL,
	"code" varchar(64) NOT NULL,
	"label" text NOT NULL,
	"label_es" text NOT NULL,
	CONSTRAINT "excluded_conditions_version_id_code_pk" PRIMARY KEY("version_id","code")
);
--> statement-breakpoint
CREATE TABLE "enrollments"."family_health_enrollments" (
	"enrollment_id" uuid PRIMARY KEY NOT NULL,
	"payment_date" date NOT NULL,
	"total_annual_fee_centavos" integer NOT NULL,
	"fees_confirmed" boolean NOT NULL,
	CONSTRAINT "family_health_total" CHECK ("enrollments"."family_health_enrollments"."total_annual_fee_centavos" >= 0)
);
--> statement-breakpoint
CREATE TABLE "enrollments"."family_health_fees" (
	"version_id" uuid NOT NULL,
	"band" varchar(8) NOT NULL,
	"min_age" smallint NOT NULL,
	"max_age" smallint,
	"annual_fee_centavos" integer NOT NULL,
	CONSTRAINT "family_health_fees_version_id_band_pk" PRIMARY KEY("version_id","band"),
	CONSTRAINT "family_health_fees_band" CHECK ("enrollments"."family_health_fees"."band" in ('0-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80+')),
	CONSTRAINT "family_health_fees_ages" CHECK ("enrollments"."family_health_fees"."max_age" is null or "enrollments"."family_health_fees"."max_age" >= "enrollments"."family_health_fees"."min_age")
);
--> statement-breakpoint
CREATE TABLE "enrollments"."family_health_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"curp" char(18) NOT NULL,
	"relationship" varchar(16) NOT NULL,
	"age_on_payment" smallint NOT NULL,
	"age_band" varchar(8) NOT NULL,
	"annual_fee_centavos" integer NOT NULL,
	"declared_conditions" text[] DEFAULT '{}'::text[] NOT NULL,
	"exclusions" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "family_health_members_once" UNIQUE("enrollment_id","curp"),
	CONSTRAINT "family_health_members_relationship" CHECK ("enrollments"."family_health_members"."relationship" in ('HOLDER', 'SPOUSE', 'CHILD', 'PARENT', 'OTHER_RELATIVE')),
	CONSTRAINT "family_health_members_age_band" CHECK ("enrollments"."family_health_members"."age_band" in ('0-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80+'))
);
--> statement-breakpoint
CREATE TABLE "enrollments"."independent_worker_enrollments" (
	"enrollment_id" uuid PRIMARY KEY NOT NULL,
	"declared_monthly_income_centavos" integer NOT NULL,
	"payment_period" varchar(16) NOT NULL,
	"wage_zone" varchar(16) NOT NULL,
	"first_payment_deadline" date NOT NULL,
	CONSTRAINT "independent_worker_income" CHECK ("enrollments"."independent_worker_enrollments"."declared_monthly_income_centavos" > 0),
	CONSTRAINT "independent_worker_payment_period" CHECK ("enrollments"."independent_worker_enrollments"."payment_period" in ('MONTHLY', 'SEMIANNUAL', 'ANNUAL')),
	CONSTRAINT "independent_worker_wage_zone" CHECK ("enrollments"."independent_worker_enrollments"."wage_zone" in ('GENERAL', 'NORTHERN_BORDER'))
);
--> statement-breakpoint
CREATE TABLE "enrollments"."minimum_wages" (
	"version_id" uuid NOT NULL,
	"zone" varchar(16) NOT NULL,
	"daily_centavos" integer NOT NULL,
	CONSTRAINT "minimum_wages_version_id_zone_pk" PRIMARY KEY("version_id","zone"),
	CONSTRAINT "minimum_wages_zone" CHECK ("enrollments"."minimum_wages"."zone" in ('GENERAL', 'NORTHERN_BORDER')),
	CONSTRAINT "minimum_wages_positive" CHECK ("enrollments"."minimum_wages"."daily_centavos" > 0)
);
--> statement-breakpoint
CREATE TABLE "enrollments"."non_business_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" varchar(16) NOT NULL,
	"source" text NOT NULL,
	"checked_on" date NOT NULL,
	CONSTRAINT "non_business_days_kind" CHECK ("enrollments"."non_business_days"."kind" in ('ELECTION_DAY', 'DECLARED_CLOSURE'))
);
--> statement-breakpoint
CREATE TABLE "enrollments"."pti_programme_rules" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"payment_deadline_day" smallint NOT NULL,
	"roll_forward_on_non_business_day" boolean NOT NULL,
	"modality" char(2) NOT NULL,
	CONSTRAINT "pti_programme_rules_day" CHECK ("enrollments"."pti_programme_rules"."payment_deadline_day" between 1 and 28)
);
--> statement-breakpoint
CREATE TABLE "enrollments"."pti_rate_lines" (
	"version_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"code" varchar(32) NOT NULL,
	"label" text NOT NULL,
	"share" varchar(16) NOT NULL,
	"basis" varchar(16) NOT NULL,
	"basis_uma_multiple" varchar(16),
	"rate" varchar(16),
	"banded_rate" jsonb,
	"article" text NOT NULL,
	"source" text NOT NULL,
	"confirmed" boolean NOT NULL,
	CONSTRAINT "pti_rate_lines_version_id_code_pk" PRIMARY KEY("version_id","code"),
	CONSTRAINT "pti_rate_lines_position" UNIQUE("version_id","position"),
	CONSTRAINT "pti_rate_lines_share" CHECK ("enrollments"."pti_rate_lines"."share" in ('EMPLOYER', 'WORKER')),
	CONSTRAINT "pti_rate_lines_basis" CHECK ("enrollments"."pti_rate_lines"."basis" in ('UMA', 'EXCESS_OVER_UMA', 'INCOME')),
	CONSTRAINT "pti_rate_lines_rate" CHECK (("enrollments"."pti_rate_lines"."rate" is null) <> ("enrollments"."pti_rate_lines"."banded_rate" is null)),
	CONSTRAINT "pti_rate_lines_excess" CHECK (("enrollments"."pti_rate_lines"."basis" = 'EXCESS_OVER_UMA') = ("enrollments"."pti_rate_lines"."basis_uma_multiple" is not null))
);
--> statement-breakpoint
CREATE TABLE "enrollments"."reference_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_name" varchar(32) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	"checked_on" date NOT NULL,
	"confirmed" boolean NOT NULL,
	CONSTRAINT "reference_versions_start" UNIQUE("table_name","valid_from"),
	CONSTRAINT "reference_versions_table" CHECK ("enrollments"."reference_versions"."table_name" in ('UMA', 'MINIMUM_WAGE', 'FAMILY_HEALTH_FEES', 'PTI_RATES', 'PTI_PROGRAMME', 'WAITING_PERIODS', 'EXCLUDED_CONDITIONS')),
	CONSTRAINT "reference_versions_range" CHECK ("enrollments"."reference_versions"."valid_to" is null or "enrollments"."reference_versions"."valid_to" >= "enrollments"."reference_versions"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "enrollments"."uma_values" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"daily_centavos" integer NOT NULL,
	CONSTRAINT "uma_values_positive" CHECK ("enrollments"."uma_values"."daily_centavos" > 0)
);
--> statement-breakpoint
CREATE TABLE "enrollments"."waiting_periods" (
	"version_id" uuid NOT NULL,
	"code" varchar(64) NOT NULL,
	"label" text NOT NULL,
	"months" smallint NOT NULL,
	"source" text NOT NULL,
	"confirmed" boolean NOT NULL,
	CONSTRAINT "waiting_periods_version_id_code_pk" PRIMARY KEY("version_id","code"),
	CONSTRAINT "waiting_periods_months" CHECK ("enrollments"."waiting_periods"."months" > 0)
);
--> statement-breakpoint
ALTER TABLE "enrollments"."enrollments" ADD COLUMN "country" char(2) DEFAULT 'MX' NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollments"."enrollments" ADD COLUMN "consulate_id" varchar(32);--> statement-breakpoint
ALTER TABLE "enrollments"."employer_movements" ADD CONSTRAINT "employer_movements_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."excluded_conditions" ADD CONSTRAINT "excluded_conditions_version_id_reference_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "enrollments"."reference_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."family_health_enrollments" ADD CONSTRAINT "family_health_enrollments_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."family_health_fees" ADD CONSTRAINT "family_health_fees_version_id_reference_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "enrollments"."reference_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."family_health_members" ADD CONSTRAINT "family_health_members_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."independent_worker_enrollments" ADD CONSTRAINT "independent_worker_enrollments_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."minimum_wages" ADD CONSTRAINT "minimum_wages_version_id_reference_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "enrollments"."reference_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."pti_programme_rules" ADD CONSTRAINT "pti_programme_rules_version_id_reference_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "enrollments"."reference_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."pti_rate_lines" ADD CONSTRAINT "pti_rate_lines_version_id_reference_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "enrollments"."reference_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."uma_values" ADD CONSTRAINT "uma_values_version_id_reference_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "enrollments"."reference_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."waiting_periods" ADD CONSTRAINT "waiting_periods_version_id_reference_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "enrollments"."reference_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_movements_enrollment_idx" ON "enrollments"."employer_movements" USING btree ("enrollment_id");--> statement-breakpoint
CREATE INDEX "employer_movements_registration_idx" ON "enrollments"."employer_movements" USING btree ("employer_registration","filed_on");--> statement-breakpoint
CREATE INDEX "family_health_members_curp_idx" ON "enrollments"."family_health_members" USING btree ("curp");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_one_open_employment" ON "enrollments"."enrollments" USING btree ("curp","employer_registration") WHERE "enrollments"."enrollments"."kind" = 'EMPLOYMENT' and "enrollments"."enrollments"."end_date" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_one_open_independent_worker" ON "enrollments"."enrollments" USING btree ("curp") WHERE "enrollments"."enrollments"."kind" = 'INDEPENDENT_WORKER' and "enrollments"."enrollments"."end_date" is null;--> statement-breakpoint
ALTER TABLE "enrollments"."enrollments" ADD CONSTRAINT "enrollments_employment_registration" CHECK ("enrollments"."enrollments"."kind" <> 'EMPLOYMENT' or "enrollments"."enrollments"."employer_registration" is not null);--> statement-breakpoint
ALTER TABLE "enrollments"."enrollments" ADD CONSTRAINT "enrollments_country" CHECK ("enrollments"."enrollments"."country" ~ '^[A-Z]{2}$');