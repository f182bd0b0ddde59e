/**
 * Eligibility for voluntary enrollment from abroad (docs/domain.md §5 PTI, §10 SRE–IMSS agreement):
 * Mexican nationals and dual citizens with an identity document (the matrícula consular counts);
 * foreigners only with temporary or permanent residency in Mexico. CURP and e-mail are always
 * needed. The rules are data, so a change of requirement is a change of this table.
 */
export type Nationality = 'MEXICAN' | 'DUAL' | 'FOREIGN';
export type Residency = 'TEMPORARY' | 'PERMANENT';
export type IdentityDocument =
  | 'CURP' | 'MATRICULA_CONSULAR' | 'PASSPORT' | 'INE' | 'PROOF_OF_ADDRESS' | 'RESIDENCY_CARD' | 'BIRTH_CERTIFICATE' | 'EMAIL';

interface Requirement {
  /** Satisfied by any one of these documents. */
  anyOf: IdentityDocument[];
  /** What to ask for when none is present. */
  ask: IdentityDocument;
  reason: string;
}

const ALWAYS: Requirement[] = [
  { anyOf: ['CURP'], ask: 'CURP', reason: 'A CURP is needed to identify the person' },
  { anyOf: ['EMAIL'], ask: 'EMAIL', reason: 'An e-mail address is needed for the NSS and the payment references' },
];

const BY_NATIONALITY: Record<Nationality, Requirement[]> = {
  MEXICAN: [{ anyOf: ['MATRICULA_CONSULAR', 'PASSPORT', 'INE'], ask: 'MATRICULA_CONSULAR', reason: 'An official identification is needed (matrícula consular, passport or INE)' }],
  DUAL: [{ anyOf: ['MATRICULA_CONSULAR', 'PASSPORT', 'INE'], ask: 'MATRICULA_CONSULAR', reason: 'An official Mexican identification is needed (matrícula consular, passport or INE)' }],
  FOREIGN: [
    { anyOf: ['PASSPORT'], ask: 'PASSPORT', reason: 'Foreigners identify themselves with a passport' },
    { anyOf: ['RESIDENCY_CARD'], ask: 'RESIDENCY_CARD', reason: 'Foreigners need a temporary or permanent residency card' },
  ],
};

export function evaluateEligibility(input: { nationality: Nationality; residency: Residency | null; documents: readonly IdentityDocument[] }) {
  const have = new Set(input.documents);
  const reasons: string[] = [];
  const missingDocuments: IdentityDocument[] = [];
  for (const requirement of [...ALWAYS, ...BY_NATIONALITY[input.nationality]]) {
    if (!requirement.anyOf.some((d) => have.has(d))) {
      missingDocuments.push(requirement.ask);
      reasons.push(requirement.reason);
    }
  }
  let residencyOk = true;
  if (input.nationality === 'FOREIGN' && input.residency === null) {
    residencyOk = false;
    reasons.push('Foreigners may enroll only with temporary or permanent residency in Mexico');
  }
  return { eligible: residencyOk && missingDocuments.length === 0, missingDocuments, reasons };
}
