-- The hash chain also covers the case or exception an access was made under and the appending
-- subgraph's signature. Rows written before this migration have none of them, and for exactly
-- those the hashed text is unchanged, so their stored hashes still verify.
CREATE OR REPLACE FUNCTION audit.chain_hash(prev bytea, e audit.access_events) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256(coalesce(prev, '\x'::bytea) || convert_to(concat_ws(E'\x1f',
    e.id::text, ((extract(epoch FROM e.at) * 1000000)::bigint)::text, e.subject_curp, e.actor_subject, e.actor_role,
    coalesce(e.actor_scope, ''), coalesce(e.purpose, ''), e.subgraph, e.what, coalesce(e.fields::text, ''),
    e.request_id, e.seq::text)
    || CASE WHEN e.action = 'READ' AND e.reason IS NULL THEN '' ELSE E'\x1f' || e.action || E'\x1f' || coalesce(e.reason, '') END
    || CASE WHEN e.case_id IS NULL AND e.exception_reason IS NULL AND e.signature IS NULL THEN ''
       ELSE E'\x1f' || coalesce(e.case_id, '') || E'\x1f' || coalesce(e.exception_reason, '') || E'\x1f'
            || coalesce(encode(e.signature, 'hex'), '') || E'\x1f' || coalesce(e.signer, '') END,
    'UTF8'))
$$;
