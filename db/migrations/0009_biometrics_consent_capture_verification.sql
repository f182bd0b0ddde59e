CREATE TABLE "biometrics"."consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"curp" char(18) NOT NULL,
	"purpose" varchar(200) NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"office" varchar(64) NOT NULL,
	"officer_role" varchar(32) NOT NULL,
	"officer_subject" varchar(255) NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" varchar(32),
	"revoked_by_subject" varchar(255),
	CONSTRAINT "consent_records_officer_role" CHECK ("biometrics"."consent_records"."officer_role" in ('IMSS_OFFICER', 'INSURED')),
	CONSTRAINT "consent_records_revocation" CHECK (("biometrics"."consent_records"."revoked_at" is null) = ("biometrics"."consent_records"."revoked_by" is null))
);
--> statement-breakpoint
CREATE TABLE "biometrics"."employer_identity_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration" char(11) NOT NULL,
	"employer_subject" varchar(255) NOT NULL,
	"method" varchar(16) NOT NULL,
	"verified_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"certificate_serial" varchar(20),
	"representative_curp" char(18),
	"verification_attempt_id" uuid,
	"recorded_by_role" varchar(32) NOT NULL,
	"recorded_by_subject" varchar(255) NOT NULL,
	"office" varchar(64) NOT NULL,
	"purpose" varchar(200) NOT NULL,
	CONSTRAINT "employer_identity_verifications_method" CHECK ("biometrics"."employer_identity_verifications"."method" in ('EFIRMA', 'BIOMETRIC')),
	CONSTRAINT "employer_identity_verifications_period" CHECK ("biometrics"."employer_identity_verifications"."valid_until" > "biometrics"."employer_identity_verifications"."verified_at"),
	CONSTRAINT "employer_identity_verifications_evidence" CHECK (("biometrics"."employer_identity_verifications"."method" = 'EFIRMA' and "biometrics"."employer_identity_verifications"."certificate_serial" is not null and "biometrics"."employer_identity_verifications"."representative_curp" is null) or ("biometrics"."employer_identity_verifications"."method" = 'BIOMETRIC' and "biometrics"."employer_identity_verifications"."representative_curp" is not null and "biometrics"."employer_identity_verifications"."verification_attempt_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "biometrics"."template_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"curp" char(18) NOT NULL,
	"modality" varchar(16) NOT NULL,
	"finger_position" varchar(16),
	"quality" smallint NOT NULL,
	"device" varchar(64) NOT NULL,
	"office" varchar(64) NOT NULL,
	"captured_by_role" varchar(32) NOT NULL,
	"captured_by_subject" varchar(255) NOT NULL,
	"consent_id" uuid NOT NULL,
	"format" varchar(32) NOT NULL,
	"seal_version" smallint NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"iv" "bytea" NOT NULL,
	"auth_tag" "bytea" NOT NULL,
	"wrapped_key" "bytea",
	"wrap_iv" "bytea" NOT NULL,
	"wrap_tag" "bytea" NOT NULL,
	"master_key_id" varchar(64) NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"replaced_at" timestamp with time zone,
	"replaced_by" uuid,
	"shredded_at" timestamp with time zone,
	CONSTRAINT "template_records_modality" CHECK ("biometrics"."template_records"."modality" in ('FINGERPRINT', 'FACE')),
	CONSTRAINT "template_records_format" CHECK ("biometrics"."template_records"."format" in ('ISO_19794_2_2005', 'FACE_EMBEDDING_F32_V1')),
	CONSTRAINT "template_records_finger" CHECK (("biometrics"."template_records"."modality" = 'FINGERPRINT' and "biometrics"."template_records"."finger_position" in ('RIGHT_THUMB', 'RIGHT_INDEX', 'RIGHT_MIDDLE', 'RIGHT_RING', 'RIGHT_LITTLE', 'LEFT_THUMB', 'LEFT_INDEX', 'LEFT_MIDDLE', 'LEFT_RING', 'LEFT_LITTLE')) or ("biometrics"."template_records"."modality" = 'FACE' and "biometrics"."template_records"."finger_position" is null)),
	CONSTRAINT "template_records_quality" CHECK ("biometrics"."template_records"."quality" between 0 and 100),
	CONSTRAINT "template_records_shredded" CHECK (("biometrics"."template_records"."wrapped_key" is null) = ("biometrics"."template_records"."shredded_at" is not null)),
	CONSTRAINT "template_records_active_readable" CHECK (not "biometrics"."template_records"."active" or ("biometrics"."template_records"."wrapped_key" is not null and "biometrics"."template_records"."replaced_at" is null))
);
--> statement-breakpoint
CREATE TABLE "biometrics"."verification_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"curp" char(18) NOT NULL,
	"modality" varchar(16) NOT NULL,
	"finger_position" varchar(16),
	"result" varchar(16) NOT NULL,
	"template_id" uuid,
	"score" real,
	"threshold" real,
	"office" varchar(64) NOT NULL,
	"officer_subject" varchar(255) NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "verification_attempts_result" CHECK ("biometrics"."verification_attempts"."result" in ('MATCH', 'NO_MATCH', 'LOCKED', 'NOT_ENROLLED')),
	CONSTRAINT "verification_attempts_modality" CHECK ("biometrics"."verification_attempts"."modality" in ('FINGERPRINT', 'FACE'))
);
--> statement-breakpoint
CREATE TABLE "biometrics"."verification_lockouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"curp" char(18) NOT NULL,
	"locked_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone NOT NULL,
	"failures" integer NOT NULL,
	"office" varchar(64) NOT NULL,
	CONSTRAINT "verification_lockouts_period" CHECK ("biometrics"."verification_lockouts"."locked_until" > "biometrics"."verification_lockouts"."locked_at")
);
--> statement-breakpoint
DROP TABLE "biometrics"."consents" CASCADE;--> statement-breakpoint
DROP TABLE "biometrics"."templates" CASCADE;--> statement-breakpoint
DROP TABLE "biometrics"."verifications" CASCADE;--> statement-breakpoint
ALTER TABLE "biometrics"."employer_identity_verifications" ADD CONSTRAINT "employer_identity_verifications_verification_attempt_id_verification_attempts_id_fk" FOREIGN KEY ("verification_attempt_id") REFERENCES "biometrics"."verification_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "biometrics"."template_records" ADD CONSTRAINT "template_records_consent_id_consent_records_id_fk" FOREIGN KEY ("consent_id") REFERENCES "biometrics"."consent_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_curp_idx" ON "biometrics"."consent_records" USING btree ("curp");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_records_one_in_force" ON "biometrics"."consent_records" USING btree ("curp") WHERE "biometrics"."consent_records"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "employer_identity_verifications_lookup_idx" ON "biometrics"."employer_identity_verifications" USING btree ("registration","employer_subject","valid_until");--> statement-breakpoint
CREATE INDEX "template_records_curp_idx" ON "biometrics"."template_records" USING btree ("curp");--> statement-breakpoint
CREATE UNIQUE INDEX "template_records_one_active" ON "biometrics"."template_records" USING btree ("curp","modality",coalesce("finger_position", '')) WHERE "biometrics"."template_records"."active";--> statement-breakpoint
CREATE INDEX "template_records_rewrap_idx" ON "biometrics"."template_records" USING btree ("master_key_id","id") WHERE "biometrics"."template_records"."wrapped_key" is not null;--> statement-breakpoint
CREATE INDEX "verification_attempts_curp_idx" ON "biometrics"."verification_attempts" USING btree ("curp","attempted_at");--> statement-breakpoint
CREATE INDEX "verification_lockouts_curp_idx" ON "biometrics"."verification_lockouts" USING btree ("curp","locked_until");