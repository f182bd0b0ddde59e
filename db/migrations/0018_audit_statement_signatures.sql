-- One audit signature per INSERT instead of per row (subgraphs/shared/audit/row-signature.ts): each
-- row keeps its leaf in the statement's Merkle tree and its inclusion proof. audit.chain_hash is
-- unchanged and does not cover these columns: it covers the signature, and a changed index, size or
-- proof no longer reaches the signed root, so the verifier names the row. Rows written before keep
-- the three columns NULL and their own per-row signature.
ALTER TABLE "audit"."access_events" ADD COLUMN "tree_index" integer;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "tree_size" integer;--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD COLUMN "proof" "bytea";--> statement-breakpoint
ALTER TABLE "audit"."access_events" ADD CONSTRAINT "access_events_tree" CHECK (("audit"."access_events"."tree_index" is null and "audit"."access_events"."tree_size" is null and "audit"."access_events"."proof" is null) or ("audit"."access_events"."tree_index" >= 0 and "audit"."access_events"."tree_index" < "audit"."access_events"."tree_size" and "audit"."access_events"."proof" is not null));