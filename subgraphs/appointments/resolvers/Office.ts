import { addDays } from '../../shared/dates.ts';
import type { OfficeResolvers } from '../__generated__/resolvers-types.ts';
import { SERVICES, type IsoWeekday } from '../reference/index.ts';
import { MAX_SLOT_RANGE_DAYS, dailySummary, localDateOf } from '../rules/index.ts';

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

export const Office: OfficeResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.officeById.load(reference.id),
  openingHours: (office) => WEEKDAYS.flatMap((weekday) => (office.openingHours[weekday] ?? []).map((hours) => ({ weekday, ...hours }))),
  services: async (office, _args, { loaders }) => (await loaders.servicesByOffice.load(office.id)).map((code) => SERVICES[code]),
  holidays: (office, { from, to }, { repository, clock }) => {
    const start = from ?? localDateOf(clock.now(), office.timeZone);
    return repository.holidays(office.id, start, to ?? addDays(start, MAX_SLOT_RANGE_DAYS - 1));
  },
  // Decided, audited and released by the scoped loader (permissions.ts: readQueueOf).
  queue: (office, _args, { loaders }) => loaders.queueByOffice.load(office.id),
  // Aggregate only: the shield's policy (readDailySummaryOf) admitted the caller for this office.
  dailySummary: async (office, { date }, { loaders, clock }) => {
    const day = { officeId: office.id, localDate: date ?? localDateOf(clock.now(), office.timeZone) };
    const entries = await loaders.dayOfOffice.load(day);
    const summary = dailySummary(entries.map((entry) => ({ ...entry, bookedFor: entry.startsAt })));
    return { ...summary, officeId: day.officeId, date: day.localDate, appointments: entries.length };
  },
};
