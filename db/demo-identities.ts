/**
 * The synthetic identities that the demo data and the example tokens share, so that the example
 * token of each role sees data after `npm start`. Synthetic: these people do not exist.
 */
export const DEMO = {
  /** ANDRES GORDILLO MARTINEZ, born 1980-01-01 in Ciudad de México (CURP check digit valid). */
  insured: { givenNames: 'ANDRES', firstSurname: 'GORDILLO', secondSurname: 'MARTINEZ', birthDate: '1980-01-01', sex: 'H', birthState: 'DF' },
  /** A pensioner living abroad who owes a proof of life every 6 months. */
  pensioner: { givenNames: 'MARIA LUISA', firstSurname: 'TREVIÑO', secondSurname: 'DE LA CRUZ', birthDate: '1950-03-15', sex: 'M', birthState: 'JC' },
  consulateId: 'CON-LAX',
  employerRegistration: 'Y1234567101',
  bankId: 'BANK-001',
  subdelegation: '01',
} as const;
