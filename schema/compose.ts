/**
 * Composes schema/<subgraph>.graphql into schema/supergraph.graphql with @apollo/composition.
 * `npm run compose` writes the file; `npm run compose -- --check` fails when the committed file
 * is stale (the composition test does the same check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph } from './composition.ts';
import { SUPERGRAPH_PATH } from './subgraphs.ts';

const supergraph = composeSupergraph();
if (process.argv.includes('--check')) {
  const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
  if (committed !== supergraph) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit it.');
    process.exit(1);
  }
  console.log('schema/supergraph.graphql is up to date.');
} else {
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  console.log(`wrote ${SUPERGRAPH_PATH}`);
}
