import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { checkCurpConsistency, evaluateEligibility } from '../rules/index.ts';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) =>
    viewer?.curp && viewer.roles.includes('INSURED') ? loaders.personByCurp.load(viewer.curp) : null,

  person: (_parent, { curp }, { loaders }) => loaders.personByCurp.load(curp),

  personByNss: (_parent, { nss }, { loaders }) => loaders.personByNss.load(nss),

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
