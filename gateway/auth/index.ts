/** Public surface of the gateway's authentication: client tokens in, keys, development tokens. */
export * from './errors.ts';
export * from './client-token.ts';
export * from './keys.ts';
export * from './dev-tokens.ts';
