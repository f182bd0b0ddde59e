-- The register of receipts is append-only, like the access log (0001): a receipt once issued is
-- never edited or removed; the same trigger function rejects UPDATE, DELETE and TRUNCATE.
CREATE TRIGGER receipts_append_only BEFORE UPDATE OR DELETE ON audit.receipts
  FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
--> statement-breakpoint
CREATE TRIGGER receipts_no_truncate BEFORE TRUNCATE ON audit.receipts
  FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
--> statement-breakpoint
-- The idempotency record is the result a retry gets: never rewritten either.
CREATE OR REPLACE FUNCTION enrollments.reject_idempotency_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'enrollments.idempotency_keys is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER idempotency_keys_append_only BEFORE UPDATE ON enrollments.idempotency_keys
  FOR EACH ROW EXECUTE FUNCTION enrollments.reject_idempotency_change();
