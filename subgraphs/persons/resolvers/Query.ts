import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { checkCurpConsistency, checkReviewPeriod, evaluateEligibility, identifierCheck } from '../rules/index.ts';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) => (viewer?.curp ? loaders.personByCurp.load(viewer.curp) : null),
  // Decided, audited and released by the scoped loaders (permissions.ts: readPerson, lookUpPersons).
  person: (_parent, { curp }, { loaders }) => loaders.personByCurp.load(curp),
  personByNss: (_parent, { nss }, { loaders }) => loaders.personByNss.load(nss),
  clinics: (_parent, { state }, { repository }) => repository.clinics(state ?? null),
  accessExceptions: async (_parent, { office, from, to }, { repository }) => {
    checkReviewPeriod(from, to);
    return (await repository.accessExceptions(office ?? null, from, to)).map((row) => ({ ...row, exceptionReason: row.exceptionReason ?? '' }));
  },
  curpConsistency: (_parent, { input }, { clock }) => {
    const result = checkCurpConsistency(input.curp, { ...input, secondSurname: input.secondSurname ?? null }, { asOf: clock.today() });
    return {
      consistent: result.consistent,
      expectedPrefix: result.expectedPrefix,
      structuralIssues: result.structuralIssues.map((issue) => ({ ...issue, position: issue.position ?? null })),
      mismatches: result.mismatches.map((m) => ({ ...m, field: CURP_FIELD[m.field] })),
    };
  },
  identifierCheck: (_parent, args, { clock }) => identifierCheck(args, { asOf: clock.today() }),
  voluntaryEnrollmentEligibility: (_parent, { input }) =>
    evaluateEligibility({
      ...input,
      residency: input.residency ?? null,
      program: input.program ?? 'INDEPENDENT_WORKER',
      hasNss: input.hasNss ?? false,
      hasMexicanAddress: input.hasMexicanAddress ?? false,
      declaredMonthlyIncome: input.declaredMonthlyIncome ?? null,
    }),
};

const CURP_FIELD = {
  firstSurname: 'FIRST_SURNAME',
  secondSurname: 'SECOND_SURNAME',
  givenNames: 'GIVEN_NAMES',
  birthDate: 'BIRTH_DATE',
  sex: 'SEX',
  birthState: 'BIRTH_STATE',
} as const;
