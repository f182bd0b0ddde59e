/** The shape of a row of the security matrix (see matrix.int.test.ts). */
import type { SeededSystem } from '../../support/seeded-system.ts';
import type { AppointmentState } from './appointment-fixtures.ts';

export type Actor = 'ANONYMOUS' | 'INSURED' | 'CONSULATE_STAFF' | 'CONSULATE_STAFF_NO_PURPOSE' | 'EMPLOYER' | 'BANK' | 'ANALYST' | 'IMSS_OFFICER';
export const ACTORS: readonly Actor[] = ['ANONYMOUS', 'INSURED', 'CONSULATE_STAFF', 'CONSULATE_STAFF_NO_PURPOSE', 'EMPLOYER', 'BANK', 'ANALYST', 'IMSS_OFFICER'];
export const SIGNED_IN: readonly Actor[] = ACTORS.filter((a) => a !== 'ANONYMOUS');

export interface MatrixSystem extends SeededSystem {
  insuredNss: string;
  /** A beneficiary of the demo insured person created for this actor alone (rows that change or remove one). */
  beneficiaryOf(actor: Actor): string;
  /** An appointment created for this actor alone, in the state a row acts on (appointment-fixtures.ts). */
  appointmentOf(actor: Actor, state: AppointmentState): string;
}

export interface Operation {
  name: string;
  /** The root fields (Query.x / Mutation.x) this row exercises: every root field needs a row. */
  covers: readonly string[];
  query: (s: MatrixSystem, actor: Actor) => string;
  /** What counts as access: the data the caller got. */
  granted: (data: any) => boolean;
  allowed: readonly Actor[];
}
