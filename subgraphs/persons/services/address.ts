import { CURP_STATES } from '../../../schema/scalars/identifiers/index.ts';
import { badInput } from '../../../schema/errors/client-errors.ts';

export interface AddressInput {
  street: string;
  exteriorNumber: string;
  interiorNumber?: string | null;
  neighbourhood: string;
  municipality: string;
  state: string;
  postalCode: string;
}

/** A Mexican address: 5-digit postal code, state from the CURP entity catalogue (not NE). */
export function validateAddress(input: AddressInput) {
  const state = input.state.trim().toUpperCase();
  if (!(state in CURP_STATES) || state === 'NE') {
    throw badInput('ADDRESS_STATE', `Unknown Mexican state code '${input.state}'`, { field: 'state' });
  }
  if (!/^\d{5}$/.test(input.postalCode)) {
    throw badInput('ADDRESS_POSTAL_CODE', 'The postal code must have 5 digits', { field: 'postalCode' });
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
