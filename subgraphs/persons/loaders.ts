/**
 * One DataLoader per entity per key per request. Person records go through scoped loaders
 * (shared/access/scoped-loader.ts): decided with the policies of permissions.ts, read in one
 * statement, audited in one statement, released to the shield. The other loaders serve fields of
 * an already released person, so they need no decision of their own.
 */
import DataLoader from 'dataloader';
import { scopedLoader } from '../shared/access/index.ts';
import { byKey, groupBy } from '../shared/batching.ts';
import type { BaseContext } from '../shared/context.ts';
import type { AddressModel, BeneficiaryModel, ClinicModel, PersonRow, ProofOfLifeModel } from './mappers.ts';
import { lookUpPersons, readPerson, type PersonsRead } from './permissions.ts';
import type { PersonsRepository } from './repository.ts';

export function createPersonsLoaders(ctx: BaseContext<PersonsRead>, repository: PersonsRepository) {
  const releases = { type: 'Person', idOf: (row: PersonRow) => row.curp };

  const personByCurp = scopedLoader(ctx, {
    audit: 'Person',
    decide: (curp: string) => readPerson(ctx, curp),
    read: repository.personsByCurp,
    keyOf: (row) => row.curp,
    subjectOf: (row) => row.curp,
    subjectOfKey: (curp) => curp,
    releases,
  });

  // NSS → CURP is itself personal data: the roles are checked before the read, the person after.
  const personByNss = scopedLoader(ctx, {
    audit: 'Person',
    decide: () => lookUpPersons(ctx),
    // Not primed into personByCurp: a row must pass readPerson before any cache holds it.
    read: repository.personsByNss,
    keyOf: (row) => row.nss ?? '',
    subjectOf: (row) => row.curp,
    decideRow: (row) => readPerson(ctx, row.curp),
    releases,
  });

  return {
    personByCurp,
    personByNss,
    addressByCurp: new DataLoader<string, AddressModel | null>(async (curps) =>
      byKey(curps, await repository.addressesByCurp(curps), (row) => row.curp),
    ),
    clinicById: new DataLoader<string, ClinicModel | null>(async (ids) =>
      byKey(ids, await repository.clinicsById(ids), (row) => row.id),
    ),
    beneficiariesByHolder: new DataLoader<string, BeneficiaryModel[]>(async (holders) =>
      groupBy(holders, await repository.beneficiariesByHolder(holders), (row) => row.holderCurp),
    ),
    proofsOfLifeByCurp: new DataLoader<string, ProofOfLifeModel[]>(async (curps) =>
      groupBy(curps, await repository.proofsOfLifeByCurp(curps), (row) => row.curp),
    ),
  };
}

export type PersonsLoaders = ReturnType<typeof createPersonsLoaders>;
