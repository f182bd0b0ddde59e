/** The access layer every subgraph builds on: predicates, decisions, scoped loaders, shield rules. */
export * from './predicates.ts';
export * from './decisions.ts';
export * from './authorize.ts';
export * from './scoped-loader.ts';
export * from './shield-rules.ts';
export * from './released-rows.ts';
