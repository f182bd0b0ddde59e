CREATE SCHEMA "persons";
--> statement-breakpoint
CREATE SCHEMA "enrollments";
--> statement-breakpoint
CREATE SCHEMA "appointments";
--> statement-breakpoint
CREATE SCHEMA "biometrics";
--> statement-breakpoint
CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE TABLE "persons"."addresses" (
	"curp" char(18) PRIMARY KEY NOT NULL,
	"street" text NOT NULL,
	"exterior_number" varchar(32) NOT NULL,
	"interior_number" varchar(32),
	"neighbourhood" text NOT NULL,
	"municipality" text NOT NULL,
	"state" char(2) NOT NULL,
	"postal_code" char(5) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons"."beneficiaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_curp" char(18) NOT NULL,
	"curp" char(18),
	"given_names" text NOT NULL,
	"first_surname" text NOT NULL,
	"second_surname" text,
	"birth_date" date NOT NULL,
	"relationship" varchar(16) NOT NULL,
	"lives_in_household" boolean NOT NULL,
	"student_extension_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "beneficiaries_relationship" CHECK ("persons"."beneficiaries"."relationship" in ('SPOUSE', 'CONCUBINE', 'CHILD', 'PARENT'))
);
--> statement-breakpoint
CREATE TABLE "persons"."clinic_postal_codes" (
	"postal_code_prefix" varchar(5) PRIMARY KEY NOT NULL,
	"clinic_id" varchar(16) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons"."clinics" (
	"id" varchar(16) PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"state" char(2) NOT NULL,
	"subdelegation" char(2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons"."nss_sequences" (
	"subdelegation" char(2) NOT NULL,
	"registration_year" char(2) NOT NULL,
	"last_sequence" integer NOT NULL,
	CONSTRAINT "nss_sequences_subdelegation_registration_year_pk" PRIMARY KEY("subdelegation","registration_year"),
	CONSTRAINT "nss_sequences_range" CHECK ("persons"."nss_sequences"."last_sequence" between 0 and 9999)
);
--> statement-breakpoint
CREATE TABLE "persons"."persons" (
	"curp" char(18) PRIMARY KEY NOT NULL,
	"nss" char(11),
	"rfc" varchar(13),
	"given_names" text NOT NULL,
	"first_surname" text NOT NULL,
	"second_surname" text,
	"birth_date" date NOT NULL,
	"sex" char(1) NOT NULL,
	"birth_state" char(2) NOT NULL,
	"email" varchar(254),
	"phone" varchar(32),
	"clinic_id" varchar(16),
	"pensioner_abroad" boolean DEFAULT false NOT NULL,
	"pension_started_on" date,
	"nss_assigned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_nss_unique" UNIQUE("nss"),
	CONSTRAINT "persons_sex_check" CHECK ("persons"."persons"."sex" in ('H', 'M', 'X')),
	CONSTRAINT "persons_curp_shape" CHECK ("persons"."persons"."curp" ~ '^[A-Z][AEIOUX][A-Z]{2}[0-9]{6}[HMX][A-Z]{2}[A-Z]{3}[A-Z0-9][0-9]$'),
	CONSTRAINT "persons_nss_shape" CHECK ("persons"."persons"."nss" ~ '^[0-9]{11}$')
);
--> statement-breakpoint
CREATE TABLE "persons"."proofs_of_life" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"curp" char(18) NOT NULL,
	"proved_on" date NOT NULL,
	"consulate_id" varchar(32) NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollments"."enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"curp" char(18) NOT NULL,
	"kind" varchar(32) NOT NULL,
	"modality" char(2) NOT NULL,
	"employer_registration" char(11),
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollments_kind" CHECK ("enrollments"."enrollments"."kind" in ('EMPLOYMENT', 'INDEPENDENT_WORKER', 'FAMILY_HEALTH', 'VOLUNTARY_CONTINUATION')),
	CONSTRAINT "enrollments_dates" CHECK ("enrollments"."enrollments"."end_date" is null or "enrollments"."enrollments"."end_date" >= "enrollments"."enrollments"."start_date")
);
--> statement-breakpoint
CREATE TABLE "appointments"."appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consulate_id" varchar(32) NOT NULL,
	"curp" char(18) NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"service" varchar(32) NOT NULL,
	"status" varchar(16) DEFAULT 'BOOKED' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_slot_unique" UNIQUE("consulate_id","starts_at"),
	CONSTRAINT "appointments_status" CHECK ("appointments"."appointments"."status" in ('BOOKED', 'CHECKED_IN', 'SERVED', 'CANCELLED', 'NO_SHOW'))
);
--> statement-breakpoint
CREATE TABLE "appointments"."consulates" (
	"id" varchar(32) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"country" char(2) NOT NULL,
	"time_zone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "biometrics"."consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"curp" char(18) NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "biometrics"."templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"curp" char(18) NOT NULL,
	"modality" varchar(16) NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"iv" "bytea" NOT NULL,
	"auth_tag" "bytea" NOT NULL,
	"key_id" varchar(64) NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "templates_person_modality" UNIQUE("curp","modality"),
	CONSTRAINT "templates_modality" CHECK ("biometrics"."templates"."modality" in ('FINGERPRINT', 'FACE'))
);
--> statement-breakpoint
CREATE TABLE "biometrics"."verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"curp" char(18) NOT NULL,
	"modality" varchar(16) NOT NULL,
	"result" varchar(16) NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit"."access_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"subject_curp" char(18) NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_role" varchar(32) NOT NULL,
	"actor_scope" text,
	"purpose" text,
	"subgraph" varchar(32) NOT NULL,
	"what" text NOT NULL,
	"fields" jsonb,
	"request_id" varchar(64) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons"."addresses" ADD CONSTRAINT "addresses_curp_persons_curp_fk" FOREIGN KEY ("curp") REFERENCES "persons"."persons"("curp") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."beneficiaries" ADD CONSTRAINT "beneficiaries_holder_curp_persons_curp_fk" FOREIGN KEY ("holder_curp") REFERENCES "persons"."persons"("curp") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."clinic_postal_codes" ADD CONSTRAINT "clinic_postal_codes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "persons"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."persons" ADD CONSTRAINT "persons_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "persons"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."proofs_of_life" ADD CONSTRAINT "proofs_of_life_curp_persons_curp_fk" FOREIGN KEY ("curp") REFERENCES "persons"."persons"("curp") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "appointments"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beneficiaries_holder_idx" ON "persons"."beneficiaries" USING btree ("holder_curp");--> statement-breakpoint
CREATE INDEX "proofs_of_life_curp_idx" ON "persons"."proofs_of_life" USING btree ("curp","proved_on");--> statement-breakpoint
CREATE INDEX "enrollments_curp_idx" ON "enrollments"."enrollments" USING btree ("curp");--> statement-breakpoint
CREATE INDEX "enrollments_employer_idx" ON "enrollments"."enrollments" USING btree ("employer_registration");--> statement-breakpoint
CREATE INDEX "appointments_curp_idx" ON "appointments"."appointments" USING btree ("curp");--> statement-breakpoint
CREATE INDEX "consents_curp_idx" ON "biometrics"."consents" USING btree ("curp");--> statement-breakpoint
CREATE INDEX "verifications_curp_idx" ON "biometrics"."verifications" USING btree ("curp","verified_at");--> statement-breakpoint
CREATE INDEX "access_events_subject_idx" ON "audit"."access_events" USING btree ("subject_curp","at");