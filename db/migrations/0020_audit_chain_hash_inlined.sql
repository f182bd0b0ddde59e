-- The chain hash as a SQL function of the row's columns, which PostgreSQL inlines into the chain
-- trigger's assignment: the trigger called audit.chain_hash(prev, NEW), a PL/pgSQL function taking
-- the whole row, which builds the row as a composite value and runs a function call per audit row.
-- Timed in one backend (50-row INSERTs, best of 15 alternated runs): 54.5 → 51.4 µs per row
-- (docs/architecture.md, "Performance notes"). The expression is the one of 0015, unchanged, so every
-- stored hash still verifies; audit.chain_hash keeps its signature and now returns the same function,
-- so the verifiers and the trigger share one definition. STABLE, not IMMUTABLE: concat_ws is STABLE,
-- and PostgreSQL does not inline an IMMUTABLE SQL function whose body is not.
-- test/db/audit-chain-hash.int.test.ts checks that it is inlined and that rows chained before and
-- after this migration verify under either version.
CREATE OR REPLACE FUNCTION audit.chain_hash_of(
  prev bytea, id uuid, at timestamptz, subject_curp char(18), actor_subject text, actor_role varchar, actor_scope text,
  purpose text, subgraph varchar, what text, fields jsonb, request_id varchar, seq bigint, action varchar, reason varchar,
  case_id varchar, exception_reason text, signature bytea, signer varchar
) RETURNS bytea LANGUAGE sql STABLE AS $$
  SELECT sha256(coalesce(prev, '\x'::bytea) || convert_to(concat_ws(E'\x1f',
    id::text, ((extract(epoch FROM at) * 1000000)::bigint)::text, subject_curp, actor_subject, actor_role,
    coalesce(actor_scope, ''), coalesce(purpose, ''), subgraph, what, coalesce(fields::text, ''),
    request_id, seq::text)
    || CASE WHEN action = 'READ' AND reason IS NULL THEN '' ELSE E'\x1f' || action || E'\x1f' || coalesce(reason, '') END
    || CASE WHEN case_id IS NULL AND exception_reason IS NULL AND signature IS NULL THEN ''
       ELSE E'\x1f' || coalesce(case_id, '') || E'\x1f' || coalesce(exception_reason, '') || E'\x1f'
            || coalesce(encode(signature, 'hex'), '') || E'\x1f' || coalesce(signer, '') END,
    'UTF8'))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit.chain_hash(prev bytea, e audit.access_events) RETURNS bytea
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN audit.chain_hash_of(prev, e.id, e.at, e.subject_curp, e.actor_subject, e.actor_role, e.actor_scope, e.purpose,
    e.subgraph, e.what, e.fields, e.request_id, e.seq, e.action, e.reason, e.case_id, e.exception_reason, e.signature, e.signer);
END;
$$;
--> statement-breakpoint
-- The trigger of 0019, its hash assignment excepted: the lock, the seq drawn after it, the lookup
-- planned without sequential scans (0017) and the sequence resolved here once are unchanged.
DO $migration$
BEGIN
  EXECUTE format($function$
    CREATE OR REPLACE FUNCTION audit.chain_event() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $body$
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('audit.chain:' || NEW.subject_curp));
      NEW.seq := nextval(%L::regclass);
      SELECT hash INTO NEW.prev_hash FROM audit.access_events
        WHERE subject_curp = NEW.subject_curp ORDER BY seq DESC LIMIT 1;
      NEW.hash := audit.chain_hash_of(NEW.prev_hash, NEW.id, NEW.at, NEW.subject_curp, NEW.actor_subject, NEW.actor_role,
        NEW.actor_scope, NEW.purpose, NEW.subgraph, NEW.what, NEW.fields, NEW.request_id, NEW.seq, NEW.action, NEW.reason,
        NEW.case_id, NEW.exception_reason, NEW.signature, NEW.signer);
      RETURN NEW;
    END;
    $body$
  $function$, pg_get_serial_sequence('audit.access_events', 'seq'));
END
$migration$;
