-- The chain trigger's lookup of a subject's last row (0003) must read the chain index whatever the
-- table's statistics say. After an ANALYZE of an empty audit.access_events (a fresh deploy, the
-- scale seed) the planner took the table for empty and chose a sequential scan, and each
-- connection kept it in its cached plan: with autovacuum off nothing re-analyzed the table, so
-- every audit row scanned all the rows before it (test/db/audit-chain-plan.int.test.ts; at a
-- million persons the queue fell from 23 to 8 requests per second within a minute of load).
-- Planned without sequential scans, the lookup is an index scan on (subject_curp, seq) at any size.
ALTER FUNCTION audit.chain_event() SET enable_seqscan = off;
--> statement-breakpoint
-- The verifier reads one subject's rows in order: the same index, for the same reason.
ALTER FUNCTION audit.verify_chain(char(18)) SET enable_seqscan = off;
