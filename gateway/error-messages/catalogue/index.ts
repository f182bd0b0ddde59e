/**
 * The error catalogue: for every `extensions.code` the system emits, its message in English (the
 * source's own text, as a template) and in Spanish (es-MX). test/unit/gateway/error-messages.test.ts
 * fails when a code found in the source has no entry here.
 */
import { APPOINTMENTS } from './appointments.ts';
import { BIOMETRICS } from './biometrics.ts';
import { COMMON, FRAMES, PHRASES } from './common.ts';
import { ENROLLMENTS } from './enrollments.ts';
import { PARTNERS } from './partners.ts';
import { PERSONS } from './persons.ts';
import type { Catalogue, CatalogueEntry, MessageVariant } from './types.ts';

/**
 * One code may be emitted by two subgraphs with different texts (EMPLOYER_REGISTRATION_FORMAT by
 * enrollments' rules and biometrics'): their variants are tried one after the other.
 */
function merge(...catalogues: Catalogue[]): Catalogue {
  const merged: Record<string, CatalogueEntry> = {};
  for (const catalogue of catalogues) {
    for (const [code, entry] of Object.entries(catalogue)) {
      const existing = merged[code];
      const add: readonly MessageVariant[] = Array.isArray(entry) ? entry : [entry as MessageVariant];
      merged[code] = existing ? [...(Array.isArray(existing) ? existing : [existing as MessageVariant]), ...add] : entry;
    }
  }
  return merged;
}

export const CATALOGUE: Catalogue = merge(COMMON, PERSONS, ENROLLMENTS, APPOINTMENTS, BIOMETRICS, PARTNERS);

export { FRAMES, PHRASES };
