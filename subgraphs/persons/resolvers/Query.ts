import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { checkCurpConsistency, evaluateEligibility } from '../rules/index.ts';
import { purposeRequired } from '../../../schema/errors/client-errors.ts';
import { hasRole } from '../../shared/context.ts';
import type { PersonsContext } from '../context.ts';
import { identifierCheck } from './identifier-check.ts';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) =>
    viewer?.curp && viewer.roles.includes('INSURED') ? loaders.personByCurp.load(viewer.curp) : null,

  person: async (_parent, { curp }, ctx) => requirePurposeOfStaff(await ctx.loaders.personByCurp.load(curp), ctx),

  personByNss: async (_parent, { nss }, ctx) => requirePurposeOfStaff(await ctx.loaders.personByNss.load(nss), ctx),

  clinics: (_parent, { state }, { repository }) => repository.clinics(state ?? null),

  curpConsistency: (_parent, { input }) => {
    const result = checkCurpConsistency(input.curp, {
      givenNames: input.givenNames,
      firstSurname: input.firstSurname,
      secondSurname: input.secondSurname ?? null,
      birthDate: input.birthDate,
      sex: input.sex,
      birthState: input.birthState,
    });
    return {
      consistent: result.consistent,
      expectedPrefix: result.expectedPrefix,
      structuralIssues: result.structuralIssues.map((issue) => ({ ...issue, position: issue.position ?? null })),
      mismatches: result.mismatches.map((m) => ({ ...m, field: FIELD[m.field] })),
    };
  },

  identifierCheck: (_parent, args) => identifierCheck(args),

  voluntaryEnrollmentEligibility: (_parent, { input }) =>
    evaluateEligibility({
      nationality: input.nationality,
      residency: input.residency ?? null,
      documents: input.documents,
    }),
};

const FIELD = {
  firstSurname: 'FIRST_SURNAME',
  secondSurname: 'SECOND_SURNAME',
  givenNames: 'GIVEN_NAMES',
  birthDate: 'BIRTH_DATE',
  sex: 'SEX',
  birthState: 'BIRTH_STATE',
} as const;

/** Staff without a declared purpose get an explicit PURPOSE_REQUIRED (the refusal is already audited). */
function requirePurposeOfStaff<T>(person: T, ctx: PersonsContext): T {
  if (ctx.purpose === null && !hasRole(ctx.viewer, 'INSURED') && hasRole(ctx.viewer, 'CONSULATE_STAFF', 'IMSS_OFFICER')) throw purposeRequired();
  return person;
}
