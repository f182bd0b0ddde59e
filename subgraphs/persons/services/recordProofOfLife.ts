/**
 * Consulate staff record a survival proof for a pensioner abroad (docs/domain.md §8). The
 * consulate is the staff member's own (from the token), never an argument, so one consulate
 * cannot act as another. The answer carries the acuse (shared/documents/receipts.ts).
 */
import { badInput, notFound } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { MutationRecordProofOfLifeArgs } from '../__generated__/resolvers-types.ts';
import type { PersonsContext } from '../context.ts';
import type { ProofOfLifeModel } from '../mappers.ts';
import { recordProofOfLifeFor } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { issueReceipt, receiptActor } from '../../shared/documents/receipts.ts';

export async function recordProofOfLife({ input }: MutationRecordProofOfLifeArgs, ctx: PersonsContext): Promise<ProofOfLifeModel> {
  await authorize(ctx, recordProofOfLifeFor(ctx, input.curp), { subjectCurp: input.curp, what: 'recordProofOfLife' });
  const consulateId = ctx.viewer!.consulateId!;
  if (input.provedOn > ctx.clock.today()) throw badInput('PROOF_OF_LIFE_FUTURE_DATE', 'A proof of life cannot be dated in the future');
  const row = await ctx.repository.transaction(async (tx) => {
    const person = await txQueries.lockPerson(tx, input.curp);
    if (!person) throw notFound('Person');
    if (!person.pensionerAbroad) throw badInput('PROOF_OF_LIFE_NOT_PENSIONER_ABROAD', 'Only pensioners living abroad record a consular proof of life');
    // A proof from before the pension began proves nothing about it (and would move the deadline back).
    if (person.pensionStartedOn && input.provedOn < person.pensionStartedOn) {
      throw badInput('PROOF_OF_LIFE_BEFORE_PENSION', `The pension started on ${person.pensionStartedOn}; a proof of life cannot be dated before it`);
    }
    const [inserted] = await txQueries.insertProofOfLife(tx, { curp: input.curp, provedOn: input.provedOn, consulateId, recordedBy: ctx.viewer!.subject });
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: input.curp, what: 'recordProofOfLife', fields: ['proofOfLife'] }], tx);
    const receipt = await issueReceipt(ctx.documents, tx, {
      procedure: 'PROOF_OF_LIFE', recordId: inserted!.id, actor: receiptActor(ctx, 'CONSULATE_STAFF'), recordedAt: ctx.clock.now(),
      record: { proofOfLifeId: inserted!.id, curp: input.curp, provedOn: input.provedOn, consulateId },
    });
    return { ...inserted!, receipt };
  });
  ctx.loaders.proofsOfLifeByCurp.clear(input.curp);
  return row;
}
