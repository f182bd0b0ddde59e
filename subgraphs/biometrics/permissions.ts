/** Who may do what in the biometrics subgraph; deny by default, row scoping in loaders.ts. */
import { allow, or } from 'graphql-shield';
import { hasRoleWithPurpose, isInsured } from '../shared/rules.ts';

const insuredOrOfficer = or(isInsured, hasRoleWithPurpose('IMSS_OFFICER'));

export const permissions = {
  Person: {
    curp: insuredOrOfficer,
    biometricStatus: insuredOrOfficer,
  },
  BiometricStatus: allow,
};
