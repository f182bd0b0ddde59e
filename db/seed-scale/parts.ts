/**
 * The parts of the scale seed, in load order (persons before the rows that name them). Payments
 * come last: the enrollments part tells them of each PTI enrollment it writes, and they draw from
 * the person's stream after every other part (so adding them changed no other part's rows) and
 * are copied after the enrollments they reference.
 */
import type { MasterKeyRing } from '../../subgraphs/biometrics/crypto/key-ring.ts';
import { appointmentsPart } from './appointments.ts';
import { biometricsPart } from './biometrics.ts';
import { enrollmentsPart } from './enrollments.ts';
import type { PartFactory, ScaleContext } from './part.ts';
import { paymentsPart, type PaymentsPart } from './payments.ts';
import { personsPart } from './persons.ts';

export function scaleParts(masterKeys: MasterKeyRing): PartFactory[] {
  let payments: PaymentsPart | undefined;
  const paymentsOf = (context: ScaleContext) => (payments ??= paymentsPart(context));
  return [
    () => personsPart(),
    (context) => enrollmentsPart(context, { independentWorker: (person, enrollment) => paymentsOf(context).independentWorker(person, enrollment) }),
    (context) => appointmentsPart(context),
    (context) => biometricsPart(context, masterKeys),
    (context) => paymentsOf(context),
  ];
}
