/**
 * Integration tests run against a real PostgreSQL: TEST_DATABASE_URL (or DATABASE_URL) when set
 * — CI uses the server at 127.0.0.1:5432 — otherwise the embedded server in .data/pg-test on a
 * free port. A template database is migrated once per run; each test file clones it (fast) and
 * drops its clone, so files never see each other's rows.
 */
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../db/embedded.ts';
import { runMigrations } from '../../db/migrate.ts';

let embedded: EmbeddedDatabase | null = null;
let adminUrl = '';
let templateName = '';

export async function setup(project: TestProject): Promise<void> {
  process.env.LOG_LEVEL ??= 'silent';
  const configured = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (configured) {
    adminUrl = withDatabase(configured, 'postgres');
  } else {
    embedded = await startEmbeddedDatabase({ dataDir: '.data/pg-test', port: 0, database: 'postgres' });
    adminUrl = embedded.url;
  }
  templateName = `imss_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database "${templateName}"`);
  } finally {
    await admin.end();
  }
  await runMigrations(withDatabase(adminUrl, templateName));
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', templateName);
}

export async function teardown(): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`drop database if exists "${templateName}" with (force)`);
  } finally {
    await admin.end();
  }
  await embedded?.stop();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}
