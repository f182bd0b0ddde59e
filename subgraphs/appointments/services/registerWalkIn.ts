/**
 * A person without a booking joins today's queue at the staff member's office (or the office
 * given, if it is theirs), already checked in. One active appointment per person and service
 * holds here too: a person with a booking for the service is checked in on it instead.
 */
import { notFound } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { MutationRegisterWalkInArgs } from '../__generated__/resolvers-types.ts';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentModel } from '../mappers.ts';
import { assertOffers, slotOffice } from '../offices.ts';
import { ownOfficeOf, registerWalkInAt, runQueues } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { DEFAULT_NO_SHOW_GRACE_MINUTES, localDateOf, walkIn } from '../rules/index.ts';
import { releaseChanged } from './appointment-of.ts';
import { alreadyActive } from './booking-errors.ts';

export async function registerWalkIn({ input }: MutationRegisterWalkInArgs, ctx: AppointmentsContext): Promise<AppointmentModel> {
  await authorize(ctx, runQueues(ctx), { subjectCurp: null, what: 'registerWalkIn' });
  const officeId = input.officeId ?? ownOfficeOf(ctx);
  if (!officeId) throw notFound('Office');
  await authorize(ctx, registerWalkInAt(ctx, officeId), { subjectCurp: input.curp, what: 'registerWalkIn' });
  const office = await slotOffice(ctx, officeId);
  await assertOffers(ctx, office, input.service);
  const now = ctx.clock.now();
  const entry = walkIn(now);

  const row = await ctx.repository.transaction(async (tx) => {
    await txQueries.lapseMissedBookings(tx, input.curp, input.service, new Date(now.getTime() - DEFAULT_NO_SHOW_GRACE_MINUTES * 60_000));
    const inserted = await txQueries.insertUnlessActive(tx, {
      officeId: office.id, curp: input.curp, service: input.service, status: entry.status,
      checkedInAt: entry.checkedInAt, localDate: localDateOf(now, office.timeZone),
    });
    if (!inserted) throw alreadyActive(input.service);
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: input.curp, what: 'registerWalkIn', fields: ['appointment'] }], tx);
    return inserted;
  });
  return releaseChanged(ctx, row);
}
