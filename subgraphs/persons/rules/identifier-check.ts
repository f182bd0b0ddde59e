import { validateCurp, validateNss, validateRfc, type ValidationIssue } from '../../../schema/scalars/identifiers/index.ts';

type Result = { ok: true; value: string; warnings?: ValidationIssue[] } | { ok: false; issues: ValidationIssue[] };

const withPositions = (issues: readonly ValidationIssue[]) => issues.map((i) => ({ ...i, position: i.position ?? null }));

function present(result: Result) {
  return result.ok
    ? { valid: true, value: result.value, issues: [], warnings: withPositions(result.warnings ?? []) }
    : { valid: false, value: null, issues: withPositions(result.issues), warnings: [] };
}

/** Each identifier given is checked on its own; absent ones stay null. */
export function identifierCheck(args: { curp?: string | null; nss?: string | null; rfc?: string | null }) {
  return {
    curp: args.curp == null ? null : present(validateCurp(args.curp)),
    nss: args.nss == null ? null : present(validateNss(args.nss)),
    rfc: args.rfc == null ? null : present(validateRfc(args.rfc)),
  };
}
