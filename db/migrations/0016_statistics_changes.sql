CREATE TABLE "enrollments"."statistics_changes" (
	"slot" smallint PRIMARY KEY NOT NULL,
	"changes" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "statistics_changes_slot" CHECK ("enrollments"."statistics_changes"."slot" >= 0 and "enrollments"."statistics_changes"."slot" < 16)
);
--> statement-breakpoint
-- One row per slot, all zero: the counter's sum starts at 0.
INSERT INTO "enrollments"."statistics_changes" ("slot") SELECT generate_series(0, 15);
--> statement-breakpoint
-- Counts a transaction that changed the summary, once, at its commit (a deferred trigger): by then
-- it holds every summary row it changed, so waiting for its slot row cannot deadlock with another
-- writer that waits for one of those. The transaction-local setting marks it counted.
CREATE OR REPLACE FUNCTION enrollments.count_statistics_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('enrollments.statistics_counted', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('enrollments.statistics_counted', txid_current()::text, true);
    UPDATE enrollments.statistics_changes SET changes = changes + 1 WHERE slot = txid_current() % 16;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER enrollment_statistics_changed AFTER INSERT OR UPDATE OR DELETE ON enrollments.enrollment_statistics
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION enrollments.count_statistics_change();
--> statement-breakpoint
CREATE TRIGGER enrollment_statistics_truncated AFTER TRUNCATE ON enrollments.enrollment_statistics
  FOR EACH STATEMENT EXECUTE FUNCTION enrollments.count_statistics_change();
