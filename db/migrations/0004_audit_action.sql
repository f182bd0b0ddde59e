ALTER TABLE "audit"."access_events" ADD COLUMN "action" varchar(16) DEFAULT 'READ' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "reason" varchar(32);--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD CONSTRAINT "access_events_action" CHECK ("audit"."access_events"."action" in ('READ', 'WRITE', 'REFUSED'));--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD CONSTRAINT "access_events_reason" CHECK (("audit"."access_events"."action" = 'REFUSED') = ("audit"."access_events"."reason" is not null));