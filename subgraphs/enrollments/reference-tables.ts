/**
 * The dated reference tables as the rules take them (rules/reference/dated-table.ts), read from
 * the database once per request and only when a rule needs them. The rows' values never live in
 * code: a table with no row in force on a date is REFERENCE_TABLE_MISSING, naming the table.
 */
import { z } from 'zod';
import { createBusinessCalendar, type BusinessCalendar } from './rules/calendar/index.ts';
import type { ExcludedCondition, WaitingPeriodRule } from './rules/family-health/index.ts';
import type {
  DatedTable, DatedValue, FamilyHealthFeeSchedule, MinimumWageValue, PtiProgrammeValue, PtiRateLine, PtiRateSet, UmaValue,
} from './rules/reference/index.ts';
import { ReferenceTableError, WAGE_ZONES } from './rules/reference/index.ts';
import type { EnrollmentsRepository } from './repository.ts';

type Reference = EnrollmentsRepository['reference'];

interface VersionColumns {
  validFrom: string;
  validTo: string | null;
  source: string;
  checkedOn: string;
  confirmed: boolean;
}

export interface ReferenceTables {
  uma(): Promise<DatedTable<UmaValue>>;
  minimumWage(): Promise<DatedTable<MinimumWageValue>>;
  familyHealthFees(): Promise<DatedTable<FamilyHealthFeeSchedule>>;
  ptiRates(): Promise<DatedTable<PtiRateSet>>;
  ptiProgramme(): Promise<DatedTable<PtiProgrammeValue>>;
  waitingPeriods(): Promise<DatedTable<readonly WaitingPeriodRule[]>>;
  excludedConditions(): Promise<DatedTable<readonly ExcludedCondition[]>>;
  /** LFT art. 74 rest days plus the election days and closures in the non-business-days table. */
  calendar(): Promise<BusinessCalendar>;
}

const bandedRateSchema = z.object({
  atMinimumWage: z.string(),
  bands: z.array(z.object({ upToUmaMultiple: z.string().nullable(), rate: z.string() })),
});

function dated<T>(row: VersionColumns, value: T): DatedValue<T> {
  return { value, validFrom: row.validFrom, validTo: row.validTo, source: row.source, checkedOn: row.checkedOn, confirmed: row.confirmed };
}

/** One dated row per version, its value built from the version's child rows (in query order). */
function grouped<R extends VersionColumns & { versionId: string }, T>(name: string, rows: readonly R[], value: (children: R[]) => T): DatedTable<T> {
  const versions = new Map<string, R[]>();
  for (const row of rows) {
    const children = versions.get(row.versionId);
    if (children) children.push(row);
    else versions.set(row.versionId, [row]);
  }
  return { name, rows: [...versions.values()].map((children) => dated(children[0]!, value(children))) };
}

function rateLine(line: Awaited<ReturnType<Reference['ptiRates']>>[number]['line']): PtiRateLine {
  const basis: PtiRateLine['basis'] = line.basis === 'EXCESS_OVER_UMA' ? { kind: 'EXCESS_OVER_UMA', umaMultiple: line.basisUmaMultiple ?? '' } : { kind: line.basis };
  const rate = line.rate ?? bandedRateSchema.parse(line.bandedRate);
  return { code: line.code, label: line.label, share: line.share, basis, rate, article: line.article, source: line.source, confirmed: line.confirmed };
}

/** Builds the tables from the repository's rows; each table is read at most once per request. */
export function referenceTables(reference: Reference): ReferenceTables {
  const memo = <T>(load: () => Promise<T>): (() => Promise<T>) => {
    let promise: Promise<T> | undefined;
    return () => (promise ??= load());
  };
  return {
    uma: memo(async () => ({ name: 'UMA', rows: (await reference.uma()).map((row) => dated(row, { daily: row.dailyCentavos })) })),
    minimumWage: memo(async () => grouped('MINIMUM_WAGE', await reference.minimumWages(), (children) => {
      const byZone = new Map(children.map((c) => [c.zone, c.dailyCentavos]));
      const missing = WAGE_ZONES.filter((zone) => !byZone.has(zone));
      if (missing.length > 0) {
        throw new ReferenceTableError('REFERENCE_TABLE_INVALID', `Reference table MINIMUM_WAGE has a version from ${children[0]!.validFrom} without the zone(s) ${missing.join(', ')}.`, { table: 'MINIMUM_WAGE' });
      }
      return { GENERAL: byZone.get('GENERAL')!, NORTHERN_BORDER: byZone.get('NORTHERN_BORDER')! };
    })),
    familyHealthFees: memo(async () => grouped('FAMILY_HEALTH_FEES', await reference.familyHealthFees(), (children) => ({
      bands: children.map(({ fee }) => ({ band: fee.band, minAge: fee.minAge, maxAge: fee.maxAge, annualFee: fee.annualFeeCentavos })),
    }))),
    ptiRates: memo(async () => grouped('PTI_RATES', await reference.ptiRates(), (children) => ({ lines: children.map(({ line }) => rateLine(line)) }))),
    ptiProgramme: memo(async () => ({
      name: 'PTI_PROGRAMME',
      rows: (await reference.ptiProgramme()).map((row) => dated(row, {
        paymentDeadlineDay: row.rules.paymentDeadlineDay, rollForwardOnNonBusinessDay: row.rules.rollForwardOnNonBusinessDay, modality: row.rules.modality,
      })),
    })),
    waitingPeriods: memo(async () => grouped('WAITING_PERIODS', await reference.waitingPeriods(), (children) =>
      children.map(({ rule }) => ({ code: rule.code, label: rule.label, months: rule.months, source: rule.source, confirmed: rule.confirmed })))),
    excludedConditions: memo(async () => grouped('EXCLUDED_CONDITIONS', await reference.excludedConditions(), (children) =>
      children.map(({ condition }) => ({ code: condition.code, label: condition.label, labelEs: condition.labelEs })))),
    calendar: memo(async () => {
      const days = await reference.nonBusinessDays();
      const checkedOn = days.map((d) => d.checkedOn).sort().at(-1);
      return createBusinessCalendar({
        electionDays: days.filter((d) => d.kind === 'ELECTION_DAY').map((d) => d.day),
        extraNonBusinessDays: days.filter((d) => d.kind === 'DECLARED_CLOSURE').map((d) => d.day),
        ...(checkedOn ? { checkedOn } : {}),
      });
    }),
  };
}
