CREATE TABLE "enrollments"."idempotency_keys" (
	"scope" varchar(64) NOT NULL,
	"operation" varchar(64) NOT NULL,
	"key" varchar(255) NOT NULL,
	"fingerprint" char(64) NOT NULL,
	"payment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_operation_key_pk" PRIMARY KEY("scope","operation","key")
);
--> statement-breakpoint
CREATE TABLE "enrollments"."payment_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" char(28) NOT NULL,
	"concept" varchar(40) NOT NULL,
	"obligation" text NOT NULL,
	"period" char(7) NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"amount_centavos" integer NOT NULL,
	"due_date" date NOT NULL,
	"expires_on" date NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"curp" char(18),
	"employer_registration" char(11),
	"enrollment_id" uuid,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "payment_references_reference" UNIQUE("reference"),
	CONSTRAINT "payment_references_concept" CHECK ("enrollments"."payment_references"."concept" in ('INDEPENDENT_WORKER_CONTRIBUTION', 'FAMILY_HEALTH_FEE', 'EMPLOYER_MONTHLY_CUOTAS')),
	CONSTRAINT "payment_references_amount" CHECK ("enrollments"."payment_references"."amount_centavos" > 0),
	CONSTRAINT "payment_references_period" CHECK ("enrollments"."payment_references"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and "enrollments"."payment_references"."period_end" >= "enrollments"."payment_references"."period_start"),
	CONSTRAINT "payment_references_obligor" CHECK (("enrollments"."payment_references"."concept" = 'EMPLOYER_MONTHLY_CUOTAS') = ("enrollments"."payment_references"."employer_registration" is not null) and ("enrollments"."payment_references"."employer_registration" is null) = ("enrollments"."payment_references"."curp" is not null and "enrollments"."payment_references"."enrollment_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "enrollments"."payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference_id" uuid NOT NULL,
	"bank_id" varchar(64) NOT NULL,
	"amount_centavos" integer NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_on" date NOT NULL,
	"coverage_start" date,
	"coverage_end" date,
	"receipt_folio" varchar(40) NOT NULL,
	CONSTRAINT "payments_one_per_reference" UNIQUE("reference_id"),
	CONSTRAINT "payments_receipt_folio" UNIQUE("receipt_folio"),
	CONSTRAINT "payments_amount" CHECK ("enrollments"."payments"."amount_centavos" > 0),
	CONSTRAINT "payments_coverage" CHECK (("enrollments"."payments"."coverage_start" is null) = ("enrollments"."payments"."coverage_end" is null) and ("enrollments"."payments"."coverage_end" is null or "enrollments"."payments"."coverage_end" >= "enrollments"."payments"."coverage_start"))
);
--> statement-breakpoint
CREATE TABLE "audit"."receipts" (
	"folio" varchar(40) PRIMARY KEY NOT NULL,
	"procedure" varchar(40) NOT NULL,
	"issuer" varchar(32) NOT NULL,
	"record_id" varchar(64) NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_role" varchar(32) NOT NULL,
	"actor_organisation" varchar(64) NOT NULL,
	"document" text NOT NULL,
	"document_sha256" char(64) NOT NULL,
	CONSTRAINT "receipts_procedure" CHECK ("audit"."receipts"."procedure" in ('PAYMENT', 'INDEPENDENT_WORKER_ENROLLMENT', 'FAMILY_HEALTH_ENROLLMENT', 'EMPLOYER_MOVEMENT', 'NSS_ASSIGNMENT', 'PROOF_OF_LIFE'))
);
--> statement-breakpoint
ALTER TABLE "enrollments"."idempotency_keys" ADD CONSTRAINT "idempotency_keys_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "enrollments"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."payment_references" ADD CONSTRAINT "payment_references_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments"."payments" ADD CONSTRAINT "payments_reference_id_payment_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "enrollments"."payment_references"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_references_obligation_idx" ON "enrollments"."payment_references" USING btree ("obligation","issued_at");--> statement-breakpoint
CREATE INDEX "payment_references_curp_idx" ON "enrollments"."payment_references" USING btree ("curp");--> statement-breakpoint
CREATE INDEX "payment_references_registration_idx" ON "enrollments"."payment_references" USING btree ("employer_registration");--> statement-breakpoint
CREATE INDEX "payments_bank_day_idx" ON "enrollments"."payments" USING btree ("bank_id","recorded_on");--> statement-breakpoint
CREATE INDEX "receipts_record_idx" ON "audit"."receipts" USING btree ("issuer","record_id");