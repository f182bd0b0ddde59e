-- The chain trigger (0003) drew each row's seq with nextval(pg_get_serial_sequence(...)), which
-- looks the table up by name and its sequence up in pg_depend on every row: 5 % of a backend's CPU
-- on a 50-row audit INSERT (perf of the backend under test/bench/audit-append.ts). The sequence is
-- resolved once, here. The rest is unchanged: one writer per subject's chain, the seq drawn after
-- the lock, the lookup planned without sequential scans (0017) and the same hash.
DO $migration$
BEGIN
  EXECUTE format($function$
    CREATE OR REPLACE FUNCTION audit.chain_event() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $body$
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('audit.chain:' || NEW.subject_curp));
      NEW.seq := nextval(%L::regclass);
      SELECT hash INTO NEW.prev_hash FROM audit.access_events
        WHERE subject_curp = NEW.subject_curp ORDER BY seq DESC LIMIT 1;
      NEW.hash := audit.chain_hash(NEW.prev_hash, NEW);
      RETURN NEW;
    END;
    $body$
  $function$, pg_get_serial_sequence('audit.access_events', 'seq'));
END
$migration$;
