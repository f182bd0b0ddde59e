/** Payment rules: due dates, independent-worker deadlines, family health terms, payment references. */
export * from './payment-period.ts';
export * from './due-dates.ts';
export * from './independent-workers.ts';
export * from './family-health.ts';
export * from '../../../shared/crockford-base32.ts';
export * from './iso7064-mod97.ts';
export * from './payment-reference.ts';
export * from './obligations.ts';
