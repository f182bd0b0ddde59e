/** A Mexican address as the persons subgraph stores it: validated and normalised, or refused. */
import type { AddressInput } from '../__generated__/resolvers-types.ts';
import { badInput } from '../../../schema/errors/client-errors.ts';
import { CURP_STATES } from '../../../schema/scalars/identifiers/index.ts';
import { stateOfPostalCode } from './postal-codes.ts';

/** A 5-digit postal code of the state given (a state from the CURP entity catalogue, not NE); the rest non-blank. */
export function validateAddress(input: AddressInput) {
  const state = input.state.trim().toUpperCase();
  if (!(state in CURP_STATES) || state === 'NE') {
    throw badInput('ADDRESS_STATE', `Unknown Mexican state code '${input.state}'`, { field: 'state' });
  }
  if (!/^\d{5}$/.test(input.postalCode)) {
    throw badInput('ADDRESS_POSTAL_CODE', 'The postal code must have 5 digits', { field: 'postalCode' });
  }
  const postalState = stateOfPostalCode(input.postalCode);
  if (postalState !== state) {
    throw badInput(
      'ADDRESS_POSTAL_CODE_STATE',
      postalState
        ? `Postal code ${input.postalCode} belongs to ${CURP_STATES[postalState]} (${postalState}), not ${CURP_STATES[state]} (${state})`
        : `Postal code ${input.postalCode} is not assigned to any state`,
      { field: 'postalCode' },
    );
  }
  for (const field of ['street', 'exteriorNumber', 'neighbourhood', 'municipality'] as const) {
    if (!input[field].trim()) throw badInput('ADDRESS_REQUIRED_FIELD', `${field} is required`, { field });
  }
  return {
    street: input.street.trim(),
    exteriorNumber: input.exteriorNumber.trim(),
    interiorNumber: input.interiorNumber?.trim() || null,
    neighbourhood: input.neighbourhood.trim(),
    municipality: input.municipality.trim(),
    state,
    postalCode: input.postalCode,
  };
}

export type ValidAddress = ReturnType<typeof validateAddress>;
