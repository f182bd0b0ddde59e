/** Runs codegen.ts with every output redirected under the folder given as argument. */
import { generate } from '@graphql-codegen/cli';
import { join } from 'node:path';
import config from '../../codegen.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: codegen-to.ts <folder>');
const generates = Object.fromEntries(Object.entries(config.generates).map(([path, target]) => [join(out, path), target]));
await generate({ ...config, generates, silent: true }, true);
