import { badInput, notFound } from '../../../schema/errors/client-errors.ts';
import type { PersonsContext } from '../context.ts';
import type { ProofOfLifeModel } from '../mappers.ts';
import { txQueries } from '../repository.ts';
import { isoDate } from '../../shared/dates.ts';

/**
 * Consulate staff record a survival proof for a pensioner abroad. The consulate is the staff
 * member's own (from the token), never an argument, so one consulate cannot act as another.
 */
export async function recordProofOfLife(input: { curp: string; provedOn: string }, ctx: PersonsContext): Promise<ProofOfLifeModel> {
  const consulateId = ctx.viewer?.consulateId;
  if (!consulateId || !ctx.purpose) throw notFound('Person');
  const today = isoDate(ctx.services.now());
  if (input.provedOn > today) throw badInput('PROOF_OF_LIFE_FUTURE_DATE', 'A proof of life cannot be dated in the future');
  return ctx.repository.transaction(async (tx) => {
    const person = await txQueries.lockPerson(tx, input.curp);
    if (!person) throw notFound('Person');
    if (!person.pensionerAbroad) throw badInput('PROOF_OF_LIFE_NOT_PENSIONER_ABROAD', 'Only pensioners living abroad record a consular proof of life');
    const [row] = await txQueries.insertProofOfLife(tx, {
      curp: input.curp,
      provedOn: input.provedOn,
      consulateId,
      recordedBy: ctx.viewer!.subject,
    });
    await ctx.audit.recordReads([input.curp], 'recordProofOfLife', ['proofOfLife'], tx);
    ctx.loaders.proofsOfLifeByCurp.clear(input.curp);
    return row!;
  });
}
