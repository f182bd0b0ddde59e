export * from './issues.ts';
export * from './curp.ts';
export * from './nss.ts';
export * from './rfc.ts';
export * from './email.ts';
