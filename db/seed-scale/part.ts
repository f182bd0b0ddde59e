/**
 * What one domain contributes to the scale seed: the tables it fills (streamed with COPY), the
 * rows of each person, and set-based work once every row is in. Each subgraph's data is a part
 * (parts.ts lists them); a new table is a new part, not a change to the loader.
 */
import type postgres from 'postgres';
import type { CopyValue } from './copy-text.ts';
import type { IdentitySource, ScaleIdentity } from './identities.ts';
import type { Random } from './random.ts';
import { addDays, daysBetween } from '../../subgraphs/shared/dates.ts';

export interface CopyTable {
  /** Schema-qualified name, as COPY takes it. */
  name: string;
  columns: readonly string[];
}

/** Collects rows per table for the batch being built. */
export interface RowSink {
  add(table: CopyTable, values: readonly CopyValue[]): void;
}

/** A clinic of the persons subgraph's catalogue, as the seed read it. */
export interface ScaleClinic {
  id: string;
  state: string;
  subdelegation: string;
  postalCodePrefixes: readonly string[];
}

/** What every part may read about the run. */
export interface ScaleContext {
  seed: number;
  persons: number;
  now: Date;
  /** `now` as an ISO date. */
  today: string;
  identities: IdentitySource;
  clinics: readonly ScaleClinic[];
}

/** One person being seeded, with what the persons part decided about them. */
export interface ScalePerson extends ScaleIdentity {
  /** The person's own stream, after the identity's draws. */
  random: Random;
  /** A new row id (unique, deterministic, ascending: random.ts idsOf). */
  newId: () => string;
  clinic: ScaleClinic;
  /** Most people have an NSS; it was registered in `registrationYear`. */
  nss: { value: string; registrationYear: number } | null;
  /** Lives abroad: enrollments and appointments at consulates. */
  abroad: { country: string; consulateId: string } | null;
}

export interface ScalePart {
  name: string;
  tables: readonly CopyTable[];
  /** Called once per person, in index order (parts may keep state across persons). */
  rows(person: ScalePerson, sink: RowSink): void;
  /** After every batch is copied, in the same transaction. */
  finish?(sql: postgres.TransactionSql, context: ScaleContext): Promise<void>;
}

export type PartFactory = (context: ScaleContext) => ScalePart | Promise<ScalePart>;

/**
 * `f` remembered per key: a part computes the same deadlines and amounts for thousands of rows that
 * share a date or a period, and these are pure functions of it.
 */
export function memo<V>(f: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = f(key)));
    return value;
  };
}

/** A day from `from` to `to` inclusive (the same day when `to` is earlier), with one draw of `random`. */
export function randomDay(random: ScalePerson['random'], from: string, to: string): string {
  return addDays(from, random.int(Math.max(0, daysBetween(from, to)) + 1));
}
