import type { Validated } from './issues.ts';

/**
 * Pragmatic e-mail check: one @, a dotted domain, no spaces, at most 254 characters; the local part
 * without control, invisible (format or default-ignorable), private-use or unassigned characters,
 * nor unpaired surrogates.
 */
const EMAIL = /^[^\s@\p{C}\p{Default_Ignorable_Code_Point}]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/u;

export function validateEmail(input: string): Validated<{ value: string }> {
  const trimmed = input.normalize('NFC').trim();
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) {
    return { ok: false, issues: [{ code: 'EMAIL_FORMAT', message: 'Not a valid e-mail address' }] };
  }
  const at = trimmed.lastIndexOf('@');
  return { ok: true, value: `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}` };
}
