-- Appointments used to name a consulate, a table this migration drops; they cannot be carried
-- over to an office and a local date, so a database that has them starts its queues afresh
-- (re-seed a development database: the office catalogue is seeded with the demo data).
DELETE FROM "appointments"."appointments";--> statement-breakpoint
CREATE TABLE "appointments"."office_holidays" (
	"office_id" varchar(32) NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "office_holidays_office_id_date_pk" PRIMARY KEY("office_id","date")
);
--> statement-breakpoint
CREATE TABLE "appointments"."office_services" (
	"office_id" varchar(32) NOT NULL,
	"service" varchar(32) NOT NULL,
	CONSTRAINT "office_services_office_id_service_pk" PRIMARY KEY("office_id","service"),
	CONSTRAINT "office_services_service" CHECK ("appointments"."office_services"."service" in ('NSS_ASSIGNMENT', 'VOLUNTARY_ENROLLMENT', 'PROOF_OF_LIFE', 'BENEFICIARY_UPDATE', 'COVERAGE_VALIDITY', 'BIOMETRIC_CAPTURE', 'GENERAL_ADVICE'))
);
--> statement-breakpoint
CREATE TABLE "appointments"."offices" (
	"id" varchar(32) PRIMARY KEY NOT NULL,
	"kind" varchar(32) NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"region" text NOT NULL,
	"country" char(2) NOT NULL,
	"time_zone" text NOT NULL,
	"advisory_windows" smallint NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"subdelegation" char(2),
	"holidays_known_through" date NOT NULL,
	CONSTRAINT "offices_kind" CHECK ("appointments"."offices"."kind" in ('CONSULATE', 'EMBASSY_CONSULAR_SECTION', 'IMSS_SUBDELEGATION')),
	CONSTRAINT "offices_windows" CHECK ("appointments"."offices"."advisory_windows" >= 1),
	CONSTRAINT "offices_country" CHECK ("appointments"."offices"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "offices_imss_scope" CHECK (("appointments"."offices"."kind" = 'IMSS_SUBDELEGATION') = ("appointments"."offices"."subdelegation" is not null)
      and ("appointments"."offices"."subdelegation" is null or "appointments"."offices"."subdelegation" ~ '^[0-9]{2}$')
      and ("appointments"."offices"."subdelegation" is null or "appointments"."offices"."id" = 'IMSS-' || "appointments"."offices"."subdelegation")
      and ("appointments"."offices"."subdelegation" is not null or "appointments"."offices"."id" not like 'IMSS-%'))
);
--> statement-breakpoint
CREATE TABLE "appointments"."slot_units" (
	"office_id" varchar(32) NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"capacity" smallint NOT NULL,
	"booked" smallint NOT NULL,
	CONSTRAINT "slot_units_office_id_starts_at_pk" PRIMARY KEY("office_id","starts_at"),
	CONSTRAINT "slot_units_within_capacity" CHECK ("appointments"."slot_units"."booked" >= 0 and "appointments"."slot_units"."booked" <= "appointments"."slot_units"."capacity")
);
--> statement-breakpoint
-- The foreign key goes before the table it points to (drizzle-kit lists it after the DROP TABLE … CASCADE that removes it).
ALTER TABLE "appointments"."appointments" DROP CONSTRAINT "appointments_consulate_id_consulates_id_fk";--> statement-breakpoint
ALTER TABLE "appointments"."consulates" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "appointments"."consulates" CASCADE;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" DROP CONSTRAINT "appointments_slot_unique";--> statement-breakpoint
ALTER TABLE "appointments"."appointments" DROP CONSTRAINT "appointments_status";--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ALTER COLUMN "starts_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD COLUMN "office_id" varchar(32) NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD COLUMN "local_date" date NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD COLUMN "called_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD COLUMN "served_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments"."office_holidays" ADD CONSTRAINT "office_holidays_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "appointments"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."office_services" ADD CONSTRAINT "office_services_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "appointments"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."slot_units" ADD CONSTRAINT "slot_units_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "appointments"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "appointments"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_service_offered" FOREIGN KEY ("office_id","service") REFERENCES "appointments"."office_services"("office_id","service") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_queue_idx" ON "appointments"."appointments" USING btree ("office_id","local_date");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_active_per_service" ON "appointments"."appointments" USING btree ("curp","service") WHERE "appointments"."appointments"."status" in ('BOOKED', 'CHECKED_IN', 'CALLED');--> statement-breakpoint
ALTER TABLE "appointments"."appointments" DROP COLUMN "consulate_id";--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_service" CHECK ("appointments"."appointments"."service" in ('NSS_ASSIGNMENT', 'VOLUNTARY_ENROLLMENT', 'PROOF_OF_LIFE', 'BENEFICIARY_UPDATE', 'COVERAGE_VALIDITY', 'BIOMETRIC_CAPTURE', 'GENERAL_ADVICE'));--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_slot" CHECK (("appointments"."appointments"."starts_at" is null) = ("appointments"."appointments"."ends_at" is null) and ("appointments"."appointments"."starts_at" is null or "appointments"."appointments"."starts_at" < "appointments"."appointments"."ends_at"));--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_walk_in_checked_in" CHECK ("appointments"."appointments"."starts_at" is not null or "appointments"."appointments"."checked_in_at" is not null);--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_steps" CHECK (("appointments"."appointments"."status" not in ('CHECKED_IN', 'CALLED', 'SERVED') or "appointments"."appointments"."checked_in_at" is not null)
      and ("appointments"."appointments"."status" not in ('CALLED', 'SERVED') or "appointments"."appointments"."called_at" is not null)
      and ("appointments"."appointments"."status" <> 'SERVED' or "appointments"."appointments"."served_at" is not null));--> statement-breakpoint
ALTER TABLE "appointments"."appointments" ADD CONSTRAINT "appointments_status" CHECK ("appointments"."appointments"."status" in ('BOOKED', 'CHECKED_IN', 'CALLED', 'SERVED', 'CANCELLED', 'NO_SHOW'));