/**
 * Eligibility for voluntary enrollment from abroad (docs/domain.md §5 PTI and family health, §10
 * SRE–IMSS agreement): what a person still needs, each requirement with its reason. Mexican
 * nationals and dual citizens identify themselves with an official Mexican ID (the matrícula
 * consular counts); foreigners need residency in Mexico, a passport and residency card, and their
 * documents issued abroad apostilled and translated. Every scheme needs an NSS (assigned first
 * when missing) and a Mexican address, which assigns the clinic; independent workers declare an
 * income, checked against the limits in force when they enroll. The rules are data: a change of
 * requirement is a change of these tables.
 */
export type Nationality = 'MEXICAN' | 'DUAL' | 'FOREIGN';
export type Residency = 'TEMPORARY' | 'PERMANENT';
export type VoluntaryProgram = 'INDEPENDENT_WORKER' | 'FAMILY_HEALTH';
export type IdentityDocument =
  | 'CURP' | 'MATRICULA_CONSULAR' | 'PASSPORT' | 'INE' | 'PROOF_OF_ADDRESS' | 'RESIDENCY_CARD' | 'BIRTH_CERTIFICATE' | 'EMAIL'
  | 'APOSTILLE' | 'CERTIFIED_TRANSLATION';
export type RequirementCode =
  | 'CURP' | 'EMAIL' | 'OFFICIAL_ID' | 'PASSPORT' | 'RESIDENCY' | 'RESIDENCY_CARD' | 'APOSTILLE' | 'CERTIFIED_TRANSLATION'
  | 'NSS' | 'MEXICAN_ADDRESS' | 'DECLARED_INCOME';

export interface EligibilityFacts {
  nationality: Nationality;
  residency: Residency | null;
  documents: readonly IdentityDocument[];
  program: VoluntaryProgram;
  hasNss: boolean;
  hasMexicanAddress: boolean;
  declaredMonthlyIncome: number | null;
}

interface Requirement {
  code: RequirementCode;
  /** Met when this holds. */
  met: (facts: EligibilityFacts, have: ReadonlySet<IdentityDocument>) => boolean;
  /** The document to ask for, when a document meets it. */
  document?: IdentityDocument;
  reason: string;
}

const hasAny = (...documents: IdentityDocument[]) => (_f: EligibilityFacts, have: ReadonlySet<IdentityDocument>) => documents.some((d) => have.has(d));

const ALWAYS: Requirement[] = [
  { code: 'CURP', met: hasAny('CURP'), document: 'CURP', reason: 'A CURP is needed to identify the person' },
  { code: 'EMAIL', met: hasAny('EMAIL'), document: 'EMAIL', reason: 'An e-mail address is needed for the NSS and the payment references' },
];

const MEXICAN_ID: Requirement = {
  code: 'OFFICIAL_ID',
  met: hasAny('MATRICULA_CONSULAR', 'PASSPORT', 'INE'),
  document: 'MATRICULA_CONSULAR',
  reason: 'An official Mexican identification is needed (matrícula consular, passport or INE)',
};

const BY_NATIONALITY: Record<Nationality, Requirement[]> = {
  MEXICAN: [MEXICAN_ID],
  DUAL: [MEXICAN_ID],
  FOREIGN: [
    { code: 'RESIDENCY', met: (f) => f.residency !== null, reason: 'Foreigners may enroll only with temporary or permanent residency in Mexico' },
    { code: 'PASSPORT', met: hasAny('PASSPORT'), document: 'PASSPORT', reason: 'Foreigners identify themselves with a passport' },
    { code: 'RESIDENCY_CARD', met: hasAny('RESIDENCY_CARD'), document: 'RESIDENCY_CARD', reason: 'Foreigners need a temporary or permanent residency card' },
    { code: 'APOSTILLE', met: hasAny('APOSTILLE'), document: 'APOSTILLE', reason: 'Documents issued abroad must carry an apostille' },
    { code: 'CERTIFIED_TRANSLATION', met: hasAny('CERTIFIED_TRANSLATION'), document: 'CERTIFIED_TRANSLATION', reason: 'Documents issued abroad in another language need a certified Spanish translation' },
  ],
};

const NSS: Requirement = { code: 'NSS', met: (f) => f.hasNss, reason: 'An NSS is needed: it is assigned first (assignNss) when the person has none' };
const ADDRESS: Requirement = { code: 'MEXICAN_ADDRESS', met: (f) => f.hasMexicanAddress, reason: 'A Mexican address is needed: it assigns the family-medicine clinic' };

const BY_PROGRAM: Record<VoluntaryProgram, Requirement[]> = {
  INDEPENDENT_WORKER: [
    NSS,
    ADDRESS,
    {
      code: 'DECLARED_INCOME',
      met: (f) => f.declaredMonthlyIncome !== null && f.declaredMonthlyIncome > 0,
      reason: 'Independent workers declare a monthly income; it must lie between the minimum wage and 25 UMA in force when they enroll',
    },
  ],
  FAMILY_HEALTH: [NSS, ADDRESS],
};

export function evaluateEligibility(facts: EligibilityFacts) {
  const have = new Set(facts.documents);
  const missing = [...ALWAYS, ...BY_NATIONALITY[facts.nationality], ...BY_PROGRAM[facts.program]].filter((r) => !r.met(facts, have));
  return {
    eligible: missing.length === 0,
    missingRequirements: missing.map((r) => ({ code: r.code, reason: r.reason })),
    missingDocuments: missing.flatMap((r) => (r.document ? [r.document] : [])),
    reasons: missing.map((r) => r.reason),
  };
}
