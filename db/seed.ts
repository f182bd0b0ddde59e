/**
 * Synthetic demo data (no real people): valid CURP and NSS check digits, names consistent with
 * their CURPs, clinics and postal codes, enrollments (some under the demo employer), the office
 * catalogue and today's queues (seed-data/appointments.ts), a pensioner abroad with proofs of life
 * and biometric enrollment status.
 * `npm start` seeds only an empty database.
 */
import { count } from 'drizzle-orm';
import type { Database } from './client.ts';
import { DEMO } from './demo-identities.ts';
import { seedAppointments } from './seed-data/appointments.ts';
import { seedEnrollments } from './seed-data/enrollments.ts';
import { addresses, beneficiaries, clinicPostalCodes, clinics, nssSequences, persons, proofsOfLife } from './schema/persons.ts';
import { composeNss, curpCheckDigit } from '../schema/scalars/identifiers/index.ts';
import { expectedCurpPrefix } from '../subgraphs/persons/rules/index.ts';
import type { MasterKeyRing } from '../subgraphs/biometrics/crypto/key-ring.ts';
import { loadBiometricMasterKeys } from '../subgraphs/biometrics/crypto/master-keys.ts';
import { seedBiometrics } from './seed-data/biometrics.ts';

export interface PersonSeed {
  givenNames: string;
  firstSurname: string;
  secondSurname: string | null;
  birthDate: string;
  sex: 'H' | 'M' | 'X';
  birthState: string;
}

/** Builds a valid CURP for synthetic personal data: prefix from the rules, differentiator, check digit. */
export function syntheticCurp(person: PersonSeed, differentiator?: string): string {
  const prefix = expectedCurpPrefix(person);
  const diff = differentiator ?? (Number(person.birthDate.slice(0, 4)) < 2000 ? '0' : 'A');
  const first17 = `${prefix}${diff}`;
  return `${first17}${curpCheckDigit(first17)}`;
}

const CLINICS = [
  { id: 'UMF-DF-020', number: 20, name: 'UMF 20 Vallejo', state: 'DF', subdelegation: '01', prefixes: ['07', '02'] },
  { id: 'UMF-DF-028', number: 28, name: 'UMF 28 Gabriel Mancera', state: 'DF', subdelegation: '03', prefixes: ['03', '06'] },
  { id: 'UMF-JC-051', number: 51, name: 'UMF 51 Guadalajara', state: 'JC', subdelegation: '39', prefixes: ['44', '45'] },
  { id: 'UMF-NL-015', number: 15, name: 'UMF 15 Monterrey', state: 'NL', subdelegation: '43', prefixes: ['64'] },
  { id: 'UMF-MN-080', number: 80, name: 'UMF 80 Morelia', state: 'MN', subdelegation: '31', prefixes: ['58'] },
  { id: 'UMF-OC-038', number: 38, name: 'UMF 38 Oaxaca', state: 'OC', subdelegation: '47', prefixes: ['68'] },
];

const GIVEN = ['JUAN', 'ROSA', 'PEDRO', 'LUCIA', 'JOSE ANTONIO', 'ELENA', 'RAUL', 'SOFIA', 'MIGUEL', 'CARMEN', 'HECTOR', 'PAULA'];
const SURNAMES = ['HERNANDEZ', 'LOPEZ', 'PEREZ', 'SANCHEZ', 'RAMIREZ', 'TORRES', 'FLORES', 'RIVERA', 'MORALES', 'ORTIZ', 'CASTILLO', 'VARGAS'];
const STATES = ['DF', 'JC', 'NL', 'MN', 'OC', 'PL', 'GT', 'NE'];

/** A deterministic crowd, so analysts' statistics have cells above the suppression threshold. */
export function syntheticCrowd(size: number): PersonSeed[] {
  return Array.from({ length: size }, (_, i) => ({
    givenNames: GIVEN[i % GIVEN.length]!,
    firstSurname: SURNAMES[(i * 7) % SURNAMES.length]!,
    secondSurname: i % 9 === 0 ? null : SURNAMES[(i * 5 + 3) % SURNAMES.length]!,
    birthDate: `${1955 + (i % 45)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    sex: i % 2 === 0 ? 'H' : 'M',
    birthState: STATES[i % STATES.length]!,
  }));
}

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(persons);
  return (row?.n ?? 0) === 0;
}

/** Seeds everything in one transaction: a half-seeded database is never left behind. */
export async function seedDemoData(
  database: Database,
  now: Date = new Date(),
  options: { biometricMasterKeys?: MasterKeyRing } = {},
): Promise<{ persons: number }> {
  // The ring the biometrics subgraph loads too (BIOMETRIC_MASTER_KEYS, or the development ring).
  const biometricMasterKeys = options.biometricMasterKeys ?? (await loadBiometricMasterKeys());
  const year = now.getUTCFullYear();
  const insuredCurp = syntheticCurp(DEMO.insured as PersonSeed);
  const pensionerCurp = syntheticCurp(DEMO.pensioner as PersonSeed);
  const crowd = syntheticCrowd(40).map((p, i) => ({ ...p, curp: syntheticCurp(p, String(i % 10)) }));
  const uniqueCrowd = [...new Map(crowd.map((p) => [p.curp, p])).values()].filter((p) => p.curp !== insuredCurp && p.curp !== pensionerCurp);

  await database.db.transaction(async (tx) => {
    await tx.insert(clinics).values(CLINICS.map(({ prefixes: _p, ...c }) => c));
    await tx.insert(clinicPostalCodes).values(CLINICS.flatMap((c) => c.prefixes.map((postalCodePrefix) => ({ postalCodePrefix, clinicId: c.id }))));

    let sequence = 0;
    const nssFor = (birthDate: string, subdelegation: string) =>
      composeNss({ subdelegation, registrationYear: 2005 + (sequence % 15), birthYear: Number(birthDate.slice(0, 4)), sequence: ++sequence });

    const everyone = [
      { ...(DEMO.insured as PersonSeed), curp: insuredCurp, clinic: CLINICS[0]!, pensionerAbroad: false, email: 'andres.gordillo@example.test' },
      { ...(DEMO.pensioner as PersonSeed), curp: pensionerCurp, clinic: CLINICS[2]!, pensionerAbroad: true, email: 'pensionista@example.test' },
      ...uniqueCrowd.map((p, i) => ({ ...p, clinic: CLINICS[i % CLINICS.length]!, pensionerAbroad: false, email: `persona${i}@example.test` })),
    ];
    await tx.insert(persons).values(
      everyone.map((p) => ({
        curp: p.curp,
        nss: nssFor(p.birthDate, p.clinic.subdelegation),
        givenNames: p.givenNames,
        firstSurname: p.firstSurname,
        secondSurname: p.secondSurname,
        birthDate: p.birthDate,
        sex: p.sex,
        birthState: p.birthState,
        email: p.email,
        clinicId: p.clinic.id,
        pensionerAbroad: p.pensionerAbroad,
        pensionStartedOn: p.pensionerAbroad ? '2015-06-01' : null,
        nssAssignedAt: new Date('2020-01-01T00:00:00Z'),
      })),
    );
    await tx.insert(addresses).values(
      everyone.map((p, i) => ({
        curp: p.curp,
        street: `Calle Ficticia ${i + 1}`,
        exteriorNumber: String(100 + i),
        neighbourhood: 'Colonia Ejemplo',
        municipality: 'Municipio Ejemplo',
        state: p.clinic.state,
        postalCode: `${p.clinic.prefixes[0]}${String(100 + i).padStart(3, '0')}`,
      })),
    );
    // Keep new assignments clear of the numbers seeded above.
    await tx.insert(nssSequences).values(CLINICS.map((c) => ({ subdelegation: c.subdelegation, registrationYear: String(year % 100).padStart(2, '0'), lastSequence: 100 })));

    await tx.insert(beneficiaries).values([
      { holderCurp: insuredCurp, givenNames: 'LAURA', firstSurname: 'PEREZ', secondSurname: 'SANCHEZ', birthDate: '1982-05-10', relationship: 'SPOUSE', livesInHousehold: true },
      { holderCurp: insuredCurp, givenNames: 'DIEGO', firstSurname: 'GORDILLO', secondSurname: 'PEREZ', birthDate: `${year - 10}-02-01`, relationship: 'CHILD', livesInHousehold: true },
      { holderCurp: insuredCurp, givenNames: 'VALERIA', firstSurname: 'GORDILLO', secondSurname: 'PEREZ', birthDate: `${year - 19}-09-01`, relationship: 'CHILD', livesInHousehold: true, studentExtensionUntil: `${year + 1}-07-31` },
    ]);
    const sixMonthsAgo = new Date(now.getTime() - 150 * 86_400_000).toISOString().slice(0, 10);
    await tx.insert(proofsOfLife).values({ curp: pensionerCurp, provedOn: sixMonthsAgo, consulateId: DEMO.consulateId, recordedBy: 'seed' });

    await seedEnrollments(tx, { now, insuredCurp, pensionerCurp, crowd: uniqueCrowd, employerRegistration: DEMO.employerRegistration });

    await seedAppointments(tx, { insuredCurp, pensionerCurp, others: uniqueCrowd.map((p) => p.curp) }, now);

    await seedBiometrics(tx, {
      insuredCurp,
      employerRegistration: DEMO.employerRegistration,
      employerSubject: 'dev-employer',
      office: DEMO.subdelegation,
      masterKeys: biometricMasterKeys,
      now,
    });
  });
  return { persons: 2 + uniqueCrowd.length };
}
