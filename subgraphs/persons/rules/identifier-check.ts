/**
 * What identifierCheck answers for identifiers typed at a window: each given identifier checked on
 * its own, after removing the separators people type (spaces, hyphens, dots), with every issue's
 * rule and position, and warnings (an RFC check digit) that do not reject.
 */
import { validateCurp, validateNss, validateRfc, type ValidationIssue } from '../../../schema/scalars/identifiers/index.ts';

type Result = { ok: true; value: string; warnings?: ValidationIssue[] } | { ok: false; issues: ValidationIssue[] };

const withPositions = (issues: readonly ValidationIssue[]) => issues.map((i) => ({ ...i, position: i.position ?? null }));

/** "SABC 560626-MDFLRN01" → "SABC560626MDFLRN01": positions then refer to the identifier itself. */
export const withoutSeparators = (input: string): string => input.replace(/[\s.-]/g, '');

function present(result: Result) {
  return result.ok
    ? { valid: true, value: result.value, issues: [], warnings: withPositions(result.warnings ?? []) }
    : { valid: false, value: null, issues: withPositions(result.issues), warnings: [] };
}

export function identifierCheck(args: { curp?: string | null; nss?: string | null; rfc?: string | null }, { asOf }: { asOf: string }) {
  return {
    curp: args.curp == null ? null : present(validateCurp(withoutSeparators(args.curp), { asOf })),
    nss: args.nss == null ? null : present(validateNss(withoutSeparators(args.nss))),
    rfc: args.rfc == null ? null : present(validateRfc(withoutSeparators(args.rfc))),
  };
}
