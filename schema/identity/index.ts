/** Public surface of the identity layer shared by the gateway and the subgraphs. */
export * from './viewer.ts';
export * from './purpose.ts';
export * from './gateway-token.ts';
