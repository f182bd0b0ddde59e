-- The same hash as 0008, computed in PL/pgSQL instead of SQL. A SQL function that cannot be
-- inlined (this one takes a whole row) is parsed and planned again at every call, once per audit
-- row in the chain trigger: measured at about 90 µs of backend CPU per INSERT, 40 % of an audited
-- read's INSERT (docs/architecture.md, "Performance notes"). PL/pgSQL keeps the expression's plan
-- for the session. The expression is unchanged, so every stored hash still verifies; the test
-- "audit chain hash" checks rows hashed by either version against the other.
CREATE OR REPLACE FUNCTION audit.chain_hash(prev bytea, e audit.access_events) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN sha256(coalesce(prev, '\x'::bytea) || convert_to(concat_ws(E'\x1f',
    e.id::text, ((extract(epoch FROM e.at) * 1000000)::bigint)::text, e.subject_curp, e.actor_subject, e.actor_role,
    coalesce(e.actor_scope, ''), coalesce(e.purpose, ''), e.subgraph, e.what, coalesce(e.fields::text, ''),
    e.request_id, e.seq::text)
    || CASE WHEN e.action = 'READ' AND e.reason IS NULL THEN '' ELSE E'\x1f' || e.action || E'\x1f' || coalesce(e.reason, '') END
    || CASE WHEN e.case_id IS NULL AND e.exception_reason IS NULL AND e.signature IS NULL THEN ''
       ELSE E'\x1f' || coalesce(e.case_id, '') || E'\x1f' || coalesce(e.exception_reason, '') || E'\x1f'
            || coalesce(encode(e.signature, 'hex'), '') || E'\x1f' || coalesce(e.signer, '') END,
    'UTF8'));
END;
$$;
