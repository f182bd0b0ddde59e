-- Tamper evidence for the access log: each row's hash covers the previous row's hash of the same
-- subject and the row's own content, so rewriting or deleting a row (possible for a superuser,
-- who can bypass the append-only trigger) breaks the chain that audit.verify_chain() recomputes.
CREATE OR REPLACE FUNCTION audit.chain_hash(prev bytea, e audit.access_events) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256(coalesce(prev, '\x'::bytea) || convert_to(concat_ws(E'\x1f',
    e.id::text, ((extract(epoch FROM e.at) * 1000000)::bigint)::text, e.subject_curp, e.actor_subject, e.actor_role,
    coalesce(e.actor_scope, ''), coalesce(e.purpose, ''), e.subgraph, e.what, coalesce(e.fields::text, ''),
    e.request_id, e.seq::text), 'UTF8'))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit.chain_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One writer per subject's chain at a time (not one for everyone): concurrent reads of the same
  -- person must not fork it. The sequence is drawn after the lock, so seq order is chain order.
  PERFORM pg_advisory_xact_lock(hashtext('audit.chain:' || NEW.subject_curp));
  NEW.seq := nextval(pg_get_serial_sequence('audit.access_events', 'seq'));
  SELECT hash INTO NEW.prev_hash FROM audit.access_events
    WHERE subject_curp = NEW.subject_curp ORDER BY seq DESC LIMIT 1;
  NEW.hash := audit.chain_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER access_events_chain BEFORE INSERT ON audit.access_events
  FOR EACH ROW EXECUTE FUNCTION audit.chain_event();
--> statement-breakpoint
-- The seq of the first row whose chain does not verify, or NULL when the subject's log is intact.
CREATE OR REPLACE FUNCTION audit.verify_chain(subject char(18)) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
  prev bytea := NULL;
  e audit.access_events;
BEGIN
  FOR e IN SELECT * FROM audit.access_events WHERE subject_curp = subject ORDER BY seq LOOP
    IF e.prev_hash IS DISTINCT FROM prev OR e.hash IS DISTINCT FROM audit.chain_hash(prev, e) THEN
      RETURN e.seq;
    END IF;
    prev := e.hash;
  END LOOP;
  RETURN NULL;
END;
$$;
