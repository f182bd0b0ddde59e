/** Employer movements: registro patronal, IDSE movements and their deadlines, SBC bounds, open employments. */
export * from './employer-registration.ts';
export * from './movement-catalogue.ts';
export * from './filing-deadlines.ts';
export * from './daily-base-salary.ts';
export * from './employment-conflict.ts';
