import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import type { OfficeModel } from '../mappers.ts';
import { SERVICES, SERVICE_CODES } from '../reference/index.ts';
import { matchesSearch } from '../rules/index.ts';
import { searchSlots } from '../slot-search.ts';

export const Query: QueryResolvers = {
  offices: async (_parent, { country, city, service, kind }, { repository, loaders }) => {
    const rows = await repository.offices({
      ...(country ? { country: country.trim().toUpperCase() } : {}),
      ...(kind ? { kind } : {}),
      ...(service ? { service } : {}),
    });
    const found = city ? rows.filter((office) => matchesSearch(city, office.city)) : rows;
    for (const office of found) loaders.officeById.prime(office.id, office);
    return found;
  },
  office: (_parent, { id }, { loaders }) => loaders.officeById.load(id),
  consulates: async (_parent, _args, { repository, loaders }) => primed(await repository.offices({}), loaders.officeById),
  consulate: (_parent, { id }, { loaders }) => loaders.officeById.load(id),
  services: () => SERVICE_CODES.map((code) => SERVICES[code]),
  slots: (_parent, args, ctx) => searchSlots(args, ctx),
  // Decided, audited and released by the scoped loaders (permissions.ts: handleAppointments, readAppointment).
  appointment: (_parent, { id }, { loaders }) => loaders.appointmentById.load(id),
  appointmentCase: (_parent, { id }, { loaders }) => loaders.appointmentCaseById.load(id),
};

function primed(offices: OfficeModel[], loader: { prime(id: string, office: OfficeModel): unknown }): OfficeModel[] {
  for (const office of offices) loader.prime(office.id, office);
  return offices;
}
