import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import type { AppointmentsContext } from '../context.ts';
import type { OfficeFilter } from '../repository.ts';
import { SERVICES, SERVICE_CODES } from '../reference/index.ts';
import { matchesSearch } from '../rules/index.ts';
import { searchSlots } from '../slot-search.ts';

/** Public office search; the rows found also serve later Office references of the request. */
async function findOffices(filter: OfficeFilter & { city?: string | null }, { repository, loaders }: AppointmentsContext) {
  const { city, ...exact } = filter;
  const rows = await repository.offices(exact);
  const found = city ? rows.filter((office) => matchesSearch(city, office.city)) : rows;
  for (const office of found) loaders.officeById.prime(office.id, office);
  return found;
}

export const Query: QueryResolvers = {
  offices: (_parent, { country, city, service, kind }, ctx) =>
    findOffices({ city, ...(country ? { country: country.trim().toUpperCase() } : {}), ...(kind ? { kind } : {}), ...(service ? { service } : {}) }, ctx),
  office: (_parent, { id }, { loaders }) => loaders.officeById.load(id),
  consulates: (_parent, _args, ctx) => findOffices({}, ctx),
  consulate: (_parent, { id }, { loaders }) => loaders.officeById.load(id),
  services: () => SERVICE_CODES.map((code) => SERVICES[code]),
  slots: (_parent, args, ctx) => searchSlots(args, ctx),
  // Decided, audited and released by the scoped loaders (permissions.ts: handleAppointments, readAppointment).
  appointment: (_parent, { id }, { loaders }) => loaders.appointmentById.load(id),
  appointmentCase: (_parent, { id }, { loaders }) => loaders.appointmentCaseById.load(id),
};
