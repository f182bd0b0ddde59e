/** The persons subgraph's domain rules: pure functions, the clock passed in. */
export * from './curp-prefix.ts';
export * from './curp-consistency.ts';
export * from './beneficiaries.ts';
export * from './coverage.ts';
export * from './proof-of-life.ts';
export * from './eligibility.ts';
export * from './address.ts';
export * from './masked-name.ts';
export * from './identifier-check.ts';
export * from './beneficiary-identity.ts';
export * from './postal-codes.ts';
export * from './review-period.ts';
