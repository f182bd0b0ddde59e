/**
 * The officer acting in person, as their token states it: the office is the subdelegation claim,
 * never an argument, so one office cannot record in another's name.
 */
import type { BiometricsContext } from '../context.ts';

export interface Officer {
  role: 'IMSS_OFFICER';
  subject: string;
  office: string;
}

/** Call only after a policy admitted an IMSS officer (the role requires the subdelegation claim). */
export function officerOf(ctx: BiometricsContext): Officer {
  const viewer = ctx.viewer;
  if (!viewer?.subdelegation) throw new Error('officerOf called for a caller who is not an authorized IMSS officer');
  return { role: 'IMSS_OFFICER', subject: viewer.subject, office: viewer.subdelegation };
}
