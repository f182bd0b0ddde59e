/** Who may do what in the appointments subgraph; deny by default, row scoping in loaders.ts. */
import { allow, or } from 'graphql-shield';
import { hasRole, isInsured } from '../shared/rules.ts';

const insuredOrConsulateStaff = or(isInsured, hasRole('CONSULATE_STAFF'));

export const permissions = {
  Query: {
    // The list of consulates is public: anonymous callers may see it.
    consulates: allow,
    consulate: allow,
  },
  Consulate: {
    '*': allow,
    queue: hasRole('CONSULATE_STAFF'),
  },
  Appointment: insuredOrConsulateStaff,
  Person: {
    curp: insuredOrConsulateStaff,
    appointments: insuredOrConsulateStaff,
  },
};
