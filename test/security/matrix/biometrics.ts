/**
 * Matrix rows of the biometrics subgraph. Rows run in this order, and some change the demo
 * insured person's data: a capture and a verification, then the person revokes their own consent
 * and an officer records a new one, so the rows after (and the `_entities` checks) still find a
 * consent in force. Rows that need a person of their own use one synthetic CURP per actor.
 */
import { DEMO } from '../../../db/demo-identities.ts';
import { syntheticCurp, type PersonSeed } from '../../../db/seed.ts';
import { base64, isoRecord, syntheticFingerSet } from '../../support/biometrics/templates.ts';
import { ACTORS, type Actor, type Operation } from './types.ts';

/** A valid CURP per actor (the demo insured person's prefix, another differentiator): nobody's record. */
const curpOf = (actor: Actor) => syntheticCurp(DEMO.insured as PersonSeed, String(ACTORS.indexOf(actor) + 1));
const fingers = syntheticFingerSet(20_261_210);
const template = base64(isoRecord(fingers.enrolled, 7));
const probe = base64(isoRecord(fingers.genuine, 7));

export const biometricsOperations: Operation[] = [
  { name: 'Person.biometricStatus (entity path persons → biometrics)', subject: (s) => s.insuredCurp, procedure: 'BIOMETRIC_CAPTURE',  covers: [], query: (s) => `{ person(curp: "${s.insuredCurp}") { biometricStatus { consentInForce } } }`, granted: (d) => d?.person?.biometricStatus?.consentInForce === true, allowed: ['INSURED', 'IMSS_OFFICER'] },
  { name: 'Person.biometricData (what is stored, the person only)', subject: (s) => s.insuredCurp, procedure: 'BIOMETRIC_CAPTURE',  covers: [], query: (s) => `{ person(curp: "${s.insuredCurp}") { biometricData { captures { id } verifications { id } } } }`, granted: (d) => d?.person?.biometricData?.captures?.length > 0, allowed: ['INSURED'] },
  { name: 'employerIdentityAssertion (own registration, e.firma verified)', covers: ['Query.employerIdentityAssertion'], query: () => `{ employerIdentityAssertion(registration: "Y1234567101") { jws } }`, granted: (d) => Boolean(d?.employerIdentityAssertion?.jws), allowed: ['EMPLOYER'] },
  { name: "employerIdentityAssertion for another employer's registration", covers: ['Query.employerIdentityAssertion'], query: () => `{ employerIdentityAssertion(registration: "B9876543101") { jws } }`, granted: (d) => Boolean(d?.employerIdentityAssertion?.jws), allowed: [] },
  { name: 'recordEmployerIdentityVerification (EFIRMA)', procedure: 'BIOMETRIC_CAPTURE',  covers: ['Mutation.recordEmployerIdentityVerification'], query: (_s, actor) => `mutation { recordEmployerIdentityVerification(input: { registration: "Y1234567101", employerSubject: "matrix-${actor.toLowerCase()}", method: EFIRMA, certificateSerial: "00001000000500000099" }) { id } }`, granted: (d) => Boolean(d?.recordEmployerIdentityVerification?.id), allowed: ['IMSS_OFFICER'] },
  { name: 'recordBiometricConsent', subject: (_s, actor) => curpOf(actor), procedure: 'BIOMETRIC_CAPTURE',  covers: ['Mutation.recordBiometricConsent'], query: (_s, actor) => `mutation { recordBiometricConsent(input: { curp: "${curpOf(actor)}", purpose: "Verificación de identidad" }) { id } }`, granted: (d) => Boolean(d?.recordBiometricConsent?.id), allowed: ['IMSS_OFFICER'] },
  { name: 'captureBiometric (demo insured person, consent in force)', subject: (s) => s.insuredCurp, procedure: 'BIOMETRIC_CAPTURE',  covers: ['Mutation.captureBiometric'], query: (s) => `mutation { captureBiometric(input: { curp: "${s.insuredCurp}", modality: FINGERPRINT, fingerPosition: LEFT_INDEX, template: "${template}", quality: 70, device: "MATRIX" }) { id } }`, granted: (d) => Boolean(d?.captureBiometric?.id), allowed: ['IMSS_OFFICER'] },
  { name: 'verifyBiometric (demo insured person)', subject: (s) => s.insuredCurp, procedure: 'BIOMETRIC_CAPTURE',  covers: ['Mutation.verifyBiometric'], query: (s) => `mutation { verifyBiometric(input: { curp: "${s.insuredCurp}", modality: FINGERPRINT, probe: "${probe}" }) { result } }`, granted: (d) => typeof d?.verifyBiometric?.result === 'string', allowed: ['IMSS_OFFICER'] },
  { name: "revokeBiometricConsent of someone else's consent", subject: (_s, actor) => curpOf(actor), procedure: 'BIOMETRIC_CAPTURE',  covers: ['Mutation.revokeBiometricConsent'], query: (_s, actor) => `mutation { revokeBiometricConsent(curp: "${curpOf(actor)}") { consent { revokedAt } } }`, granted: (d) => Boolean(d?.revokeBiometricConsent?.consent?.revokedAt), allowed: ['IMSS_OFFICER'] },
  { name: 'revokeBiometricConsent (own consent)', covers: ['Mutation.revokeBiometricConsent'], query: () => `mutation { revokeBiometricConsent { consent { revokedAt } } }`, granted: (d) => Boolean(d?.revokeBiometricConsent?.consent?.revokedAt), allowed: ['INSURED'] },
  // Restores the demo insured person's consent for the rows and checks that follow.
  { name: 'recordBiometricConsent for the demo insured person (after revoking)', subject: (s) => s.insuredCurp, procedure: 'BIOMETRIC_CAPTURE',  covers: ['Mutation.recordBiometricConsent'], query: (s) => `mutation { recordBiometricConsent(input: { curp: "${s.insuredCurp}", purpose: "Verificación de identidad" }) { id } }`, granted: (d) => Boolean(d?.recordBiometricConsent?.id), allowed: ['IMSS_OFFICER'] },
];
