/** A validation problem with a stable code and, where it applies, the 1-based failing position. */
export interface ValidationIssue {
  code: string;
  position?: number;
  message: string;
}

export type Validated<T> = ({ ok: true } & T) | { ok: false; issues: ValidationIssue[] };
