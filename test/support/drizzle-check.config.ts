import { defineConfig } from 'drizzle-kit';
import base from '../../db/drizzle.config.ts';

/** db/drizzle.config.ts, writing to a scratch copy of the migrations (see contract.test.ts). */
export default defineConfig({ ...base, out: process.env.DRIZZLE_CHECK_OUT ?? '/nonexistent' } as typeof base);
