ALTER TABLE "audit"."access_events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "prev_hash" "bytea";--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "hash" "bytea";--> statement-breakpoint
CREATE INDEX "access_events_chain_idx" ON "audit"."access_events" USING btree ("subject_curp","seq");