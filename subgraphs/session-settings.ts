/**
 * PostgreSQL settings of every subgraph connection. A subgraph's statements are short lookups by
 * key (a batch of a page of people at most) and the audit INSERT; nothing on a request path scans
 * a large table (analysts read a summary kept by triggers, migration 0012).
 *
 * - No parallel query. At a million persons the planner gave the coverage lookup of a 50-person
 *   queue a parallel plan (two workers started for every call): 8.9 ms instead of 0.34 ms, and the
 *   workers' CPU on top (EXPLAIN ANALYZE, README "Performance").
 * - Generic plans. postgres.js prepares every statement, but PostgreSQL planned each call again
 *   (a custom plan) whenever the plan for the call's own values looked cheaper than the generic
 *   one, as it always does for one key: 0.3 ms of planning for each coverage lookup of one
 *   person, 14 % of PostgreSQL's CPU under the queue. The statements look rows up by key through
 *   their indexes whatever the values, so the generic plan is the plan. A statement whose best
 *   plan did depend on its values would run in a transaction with
 *   `SET LOCAL plan_cache_mode = auto`.
 */
export const SUBGRAPH_SESSION_SETTINGS: Readonly<Record<string, string>> = {
  max_parallel_workers_per_gather: '0',
  plan_cache_mode: 'force_generic_plan',
};
