ALTER TABLE "audit"."access_events" ADD COLUMN "case_id" varchar(64);--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "exception_reason" text;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "signature" "bytea";--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "signer" varchar(32);