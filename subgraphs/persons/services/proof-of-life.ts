import { proofOfLifeStatus } from '../rules/index.ts';
import type { PersonsContext } from '../context.ts';
import type { PersonModel, ProofOfLifeStatusModel } from '../mappers.ts';
import { isoDate } from '../../shared/dates.ts';

/** Only pensioners living abroad owe a consular proof of life every 6 months (DOMAIN.md §8). */
export async function proofOfLifeStatusOf(person: PersonModel, ctx: PersonsContext): Promise<ProofOfLifeStatusModel | null> {
  if (!person.pensionerAbroad) return null;
  const proofs = await ctx.loaders.proofsOfLifeByCurp.load(person.curp);
  const lastProvedOn = proofs[0]?.provedOn ?? null;
  const status = proofOfLifeStatus({ lastProof: lastProvedOn, pensionStart: person.pensionStartedOn ?? null }, { asOf: isoDate(ctx.services.now()) });
  return { curp: person.curp, state: status.state, lastProvedOn, nextDeadline: status.nextDeadline };
}
