import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { checkCurpConsistency, evaluateEligibility, identifierCheck } from '../rules/index.ts';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) => (viewer?.curp ? loaders.personByCurp.load(viewer.curp) : null),
  // Decided, audited and released by the scoped loaders (permissions.ts: readPerson, lookUpPersons).
  person: (_parent, { curp }, { loaders }) => loaders.personByCurp.load(curp),
  personByNss: (_parent, { nss }, { loaders }) => loaders.personByNss.load(nss),
  clinics: (_parent, { state }, { repository }) => repository.clinics(state ?? null),
  curpConsistency: (_parent, { input }) => {
    const result = checkCurpConsistency(input.curp, { ...input, secondSurname: input.secondSurname ?? null });
    return {
      consistent: result.consistent,
      expectedPrefix: result.expectedPrefix,
      structuralIssues: result.structuralIssues.map((issue) => ({ ...issue, position: issue.position ?? null })),
      mismatches: result.mismatches.map((m) => ({ ...m, field: CURP_FIELD[m.field] })),
    };
  },
  identifierCheck: (_parent, args) => identifierCheck(args),
  voluntaryEnrollmentEligibility: (_parent, { input }) => evaluateEligibility({ ...input, residency: input.residency ?? null }),
};

const CURP_FIELD = {
  firstSurname: 'FIRST_SURNAME',
  secondSurname: 'SECOND_SURNAME',
  givenNames: 'GIVEN_NAMES',
  birthDate: 'BIRTH_DATE',
  sex: 'SEX',
  birthState: 'BIRTH_STATE',
} as const;
