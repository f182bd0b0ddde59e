/**
 * Coverage validity (vigencia de derechos) from the coverage periods that the enrollments subgraph
 * owns. They reach this subgraph through federation (@requires on Person.coverage), never by
 * reading the enrollments tables.
 */
import { computeCoverage, evaluateBeneficiary } from '../rules/index.ts';
import type { PersonsContext } from '../context.ts';
import type { CoverageValidityModel, PersonModel } from '../mappers.ts';
import { isoDate } from '../../shared/dates.ts';

export async function coverageOf(person: PersonModel, ctx: PersonsContext): Promise<CoverageValidityModel | null> {
  if (person.coveragePeriods === undefined || person.coveragePeriods === null) return null;
  const asOf = isoDate(ctx.services.now());
  const holder = computeCoverage(person.coveragePeriods as never, { asOf });
  const beneficiaries = await ctx.loaders.beneficiariesByHolder.load(person.curp);
  return {
    status: holder.status,
    validUntil: holder.validUntil,
    reason: holder.reason,
    // A beneficiary is covered while the holder is and while the beneficiary rules hold.
    beneficiaries: beneficiaries.map((beneficiary) => {
      const eligibility = evaluateBeneficiary(beneficiary, { asOf });
      if (holder.status === 'ACTIVE' || holder.status === 'PRESERVED') {
        if (!eligibility.eligible) {
          return { beneficiary, status: 'EXPIRED' as const, validUntil: eligibility.until ?? null, reason: eligibility.issues.map((i) => i.message).join('; ') || 'Not eligible as a beneficiary' };
        }
        const until = minDate(holder.validUntil, eligibility.until ?? null);
        return { beneficiary, status: holder.status, validUntil: until, reason: `Covered through the holder: ${holder.reason}` };
      }
      return { beneficiary, status: holder.status, validUntil: holder.validUntil, reason: `The holder is not covered: ${holder.reason}` };
    }),
  };
}

function minDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
