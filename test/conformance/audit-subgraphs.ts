/**
 * Runs in the exported audit directory (audit-source.ts): the audit's own router with every test
 * suite's subgraphs, supergraphs and expected results, served on 127.0.0.1 only (its `serve`
 * would listen on every interface).
 */
import { createServer } from 'node:http';

const { createRouter } = await import(new URL('./src/index.ts', `file://${process.argv[2]}/`).href);
const server = createServer(createRouter());
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ ready: true, port: typeof address === 'object' && address ? address.port : 0 });
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
