-- The access log is append-only: corrections are new rows, never edits. A trigger (not only a
-- REVOKE, which a superuser bypasses) rejects UPDATE, DELETE and TRUNCATE.
CREATE OR REPLACE FUNCTION audit.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit.access_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER access_events_append_only BEFORE UPDATE OR DELETE ON audit.access_events
  FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
--> statement-breakpoint
CREATE TRIGGER access_events_no_truncate BEFORE TRUNCATE ON audit.access_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
