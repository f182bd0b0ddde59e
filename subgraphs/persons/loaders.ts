/**
 * One DataLoader per entity per key per request. Each batch is one SQL statement whatever the
 * number of keys; person batches also write their audit rows in one statement.
 */
import DataLoader from 'dataloader';
import { byKey, groupBy } from '../shared/batching.ts';
import type { BaseContext } from '../shared/context.ts';
import { canReadPerson } from './access.ts';
import type { AddressModel, BeneficiaryModel, ClinicModel, PersonRow, ProofOfLifeModel } from './mappers.ts';
import type { PersonsRepository } from './repository.ts';

export function createPersonsLoaders(repository: PersonsRepository, base: BaseContext) {
  const { viewer, purpose } = base;

  /** Reads only rows the viewer may see, and audits them before they leave the subgraph. */
  async function visible(rows: PersonRow[]): Promise<PersonRow[]> {
    const allowed = rows.filter((row) => canReadPerson(viewer, purpose, row.curp));
    await base.audit.recordReads(allowed.map((row) => row.curp), 'Person');
    return allowed;
  }

  const personByCurp = new DataLoader<string, PersonRow | null>(async (curps) => {
    const readable = curps.filter((curp) => canReadPerson(viewer, purpose, curp));
    // Refused attempts by staff, employers, banks or officers are logged too (the person sees
    // them in their access log); nothing is read for them.
    const readableSet = new Set(readable);
    const refused = curps.filter((curp) => !readableSet.has(curp));
    if (refused.length) {
      const staffWithoutPurpose = !purpose && viewer !== null && viewer.roles.some((r) => r === 'CONSULATE_STAFF' || r === 'IMSS_OFFICER');
      await base.audit.recordReads(refused, staffWithoutPurpose ? 'Person (refused: no declared purpose)' : 'Person (refused)');
    }
    const rows = readable.length ? await visible(await repository.personsByCurp(readable)) : [];
    return byKey(curps, rows, (row) => row.curp);
  });

  const personByNss = new DataLoader<string, PersonRow | null>(async (nssList) => {
    // NSS → CURP is itself personal data, so the scoping happens after the lookup, on the CURP.
    if (!viewer) return nssList.map(() => null);
    // Without a purpose, staff read nothing (not even the NSS → CURP mapping).
    if (!purpose && !viewer.roles.includes('INSURED')) return nssList.map(() => null);
    const rows = await visible(await repository.personsByNss(nssList));
    for (const row of rows) personByCurp.prime(row.curp, row);
    return byKey(nssList, rows, (row) => row.nss ?? '');
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
