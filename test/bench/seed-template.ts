/**
 * `npm run bench -- --reuse-seed`: the seeded database (migrations, demo data, `--persons N` at
 * scale, vacuumed) is kept as a template, and a later run starts from a copy of it
 * (CREATE DATABASE … TEMPLATE, a file copy) instead of seeding again: a million persons take 3–9
 * minutes to seed on the development machines, a copy a few seconds. The template's name carries
 * what the data depends on, so a stale one is never used: the number of persons, the day (the demo
 * data's appointments are today's) and a hash of the migrations and the seed code.
 *
 * The seeded biometric templates are encrypted under the seeding run's master key, so the template
 * keeps that key ring beside it (a development ring in .data/bench/<template>.keys/) and every
 * run from the template hands the same ring to its subgraphs; without the file the template is not
 * used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type postgres from 'postgres';
import { DEV_MASTER_KEYS_FILE, devMasterKeyEnv } from '../../subgraphs/biometrics/crypto/master-keys.ts';

const PREFIX = 'imss_bench_seed_';
/** What the seeded data is made from: a change to any of these makes a new template. */
const SOURCES = ['db/migrations', 'db/seed.ts', 'db/seed-data', 'db/seed-scale', 'db/demo-identities.ts'];

export function seedTemplateName(root: string, persons: number, today = new Date()): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => filesUnder(join(root, source)))) hash.update(file.slice(root.length)).update(readFileSync(file));
  const day = today.toISOString().slice(0, 10).replaceAll('-', '');
  return `${PREFIX}${persons}_${day}_${hash.digest('hex').slice(0, 12)}`;
}

/** Whether the template and its master key ring are both there. */
export async function templateExists(admin: postgres.Sql, root: string, name: string): Promise<boolean> {
  const rows = await admin`select 1 from pg_database where datname = ${name}`;
  return rows.length > 0 && existsSync(join(keyDirOf(root, name), DEV_MASTER_KEYS_FILE));
}

/**
 * The biometric master key ring the template's data was encrypted under, as the subgraphs read it
 * from their environment: the saved one, or a new one for a template about to be seeded.
 */
export function templateMasterKeys(root: string, name: string): Promise<Record<string, string>> {
  return devMasterKeyEnv(keyDirOf(root, name));
}

const keyDirOf = (root: string, name: string) => join(root, '.data', 'bench', `${name}.keys`);

/** Copies `database` (no one may be connected to it) as the template `name`, dropping older templates and their keys. */
export async function saveTemplate(admin: postgres.Sql, root: string, database: string, name: string): Promise<void> {
  const older = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${PREFIX}%`} and datname <> ${name}`;
  for (const { datname } of older) {
    await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    rmSync(keyDirOf(root, datname), { recursive: true, force: true });
  }
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}" template "${database}"`);
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((entry) => join(path, entry))
    .filter((file) => statSync(file).isFile())
    .sort();
}
