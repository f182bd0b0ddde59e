/**
 * The parts of the scale seed, in load order (persons before the rows that name them).
 *
 * Payments: the payment tables are being built on their own branch. When they land, add a
 * `paymentsPart` here (a file next to enrollments.ts: the PTI and family health enrollments'
 * payment references and the payments against them, derived from the person's stream like the
 * other parts) — the loader, the progress bar and ANALYZE pick it up with no other change.
 */
import type { MasterKeyRing } from '../../subgraphs/biometrics/crypto/key-ring.ts';
import { appointmentsPart } from './appointments.ts';
import { biometricsPart } from './biometrics.ts';
import { enrollmentsPart } from './enrollments.ts';
import type { PartFactory } from './part.ts';
import { personsPart } from './persons.ts';

export function scaleParts(masterKeys: MasterKeyRing): PartFactory[] {
  return [
    () => personsPart(),
    (context) => enrollmentsPart(context),
    (context) => appointmentsPart(context),
    (context) => biometricsPart(context, masterKeys),
  ];
}
