/**
 * Turns a verification failure into a short reason for logs. It names the check that failed
 * (jose or fast-jwt error code, zod claim path) but never echoes claim values: tokens carry CURPs.
 */
import { TokenError } from 'fast-jwt';
import { errors } from 'jose';
import { z } from 'zod';

export function failureReason(error: unknown): string {
  if (error instanceof errors.JOSEError) return `${error.code}: ${error.message}`;
  if (error instanceof TokenError) return `${error.code}: ${error.message}`;
  if (error instanceof z.ZodError) {
    const issues = error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`);
    return `claims: ${issues.join('; ')}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
