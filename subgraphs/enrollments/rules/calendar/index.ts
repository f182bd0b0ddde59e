/** Business-day calendar for IMSS deadlines: LFT art. 74 rest days plus injected, dated closures. */
export * from './iso-date.ts';
export * from './federal-rest-days.ts';
export * from './business-calendar.ts';
