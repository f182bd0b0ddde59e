/**
 * Office ids carry their staff scope: an IMSS office is 'IMSS-' + its two-digit subdelegation
 * (the scope of an IMSS officer's token), every other office is a consular one whose id is the
 * consulate_id of its staff's tokens. The database enforces the convention (offices_imss_scope).
 */
export const IMSS_OFFICE_PREFIX = 'IMSS-';

/** The id of the IMSS office of a subdelegation, e.g. '01' → 'IMSS-01'. */
export function imssOfficeId(subdelegation: string): string {
  return `${IMSS_OFFICE_PREFIX}${subdelegation}`;
}

/**
 * The subdelegation an IMSS office id names, or null for a consular office. Anything after the
 * prefix counts, so 'IMSS-XY' is an IMSS id no officer's token matches, never a consulate's.
 */
export function subdelegationOfOffice(officeId: string): string | null {
  return officeId.startsWith(IMSS_OFFICE_PREFIX) ? officeId.slice(IMSS_OFFICE_PREFIX.length) : null;
}
