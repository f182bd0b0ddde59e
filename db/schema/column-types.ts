import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Node Buffer (template ciphertexts, audit hashes). */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
