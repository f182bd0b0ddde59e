import { defineConfig } from 'drizzle-kit';

/** drizzle-kit only generates SQL here; migrations are applied by db/migrate.ts at start-up. */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./db/schema/persons.ts', './db/schema/enrollments.ts', './db/schema/appointments.ts', './db/schema/biometrics.ts', './db/schema/audit.ts'],
  out: './db/migrations',
  strict: true,
  verbose: true,
});
