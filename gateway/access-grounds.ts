/**
 * What staff act on, from the request's headers (docs/security.md, "Cases"): `X-Access-Case` (an
 * appointment id, verified with the appointments subgraph) or `X-Access-Exception` (a reason, for
 * acting without one). Both need a declared purpose; they cannot be combined; only staff send them
 * (anyone else's are ignored: they grant nothing to other roles).
 */
import { GraphQLError } from 'graphql';
import { NO_GROUNDS, exceptionReasonSchema, type AccessGrounds, EXCEPTION_REASON_MAX, EXCEPTION_REASON_MIN } from '../schema/identity/access-grounds.ts';
import { InvalidPurposeError, parsePurpose } from '../schema/identity/purpose.ts';
import type { Identity } from '../schema/identity/viewer.ts';
import type { CaseVerifier } from './case-verification.ts';

const STAFF = ['CONSULATE_STAFF', 'IMSS_OFFICER'];
const CASE_ID = /^[A-Za-z0-9-]{1,64}$/;

/** X-Access-Purpose, validated where the request arrives so the client gets a clear error (400 with its code). */
export function declaredPurpose(header: string | string[] | undefined): string | null {
  try {
    return parsePurpose(Array.isArray(header) ? header.join(',') : header);
  } catch (error) {
    if (!(error instanceof InvalidPurposeError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 400 } } });
  }
}

const badHeader = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/**
 * A header's value as text. Node hands header bytes over as latin1; a reason written in Spanish
 * arrives as UTF-8 bytes from most clients, so it is read as UTF-8 when it is valid UTF-8. A value
 * with a character beyond latin1 is text already (the Router coprocessor's JSON), taken as it is.
 */
function single(header: string | string[] | undefined): string | null {
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (raw === undefined) return null;
  const utf8 = /[^\u0000-\u00ff]/.test(raw) ? raw : Buffer.from(raw, 'latin1').toString('utf8');
  const value = (utf8.includes('\uFFFD') ? raw : utf8).trim();
  return value === '' ? null : value;
}

export async function accessGrounds(
  identity: Identity,
  purpose: string | null,
  headers: { case: string | string[] | undefined; exception: string | string[] | undefined },
  cases: CaseVerifier,
  /** The request's id (well formed), under which appointments audits the case lookup. */
  requestId?: string,
): Promise<AccessGrounds> {
  if (identity.kind !== 'user' || !identity.viewer.roles.some((role) => STAFF.includes(role))) return NO_GROUNDS;
  const caseId = single(headers.case);
  const exception = single(headers.exception);
  if (caseId === null && exception === null) return NO_GROUNDS;
  if (caseId !== null && exception !== null) throw badHeader('Send X-Access-Case or X-Access-Exception, not both');
  if (purpose === null) throw badHeader('X-Access-Case and X-Access-Exception need a declared purpose (X-Access-Purpose)');
  if (exception !== null) {
    if (!exceptionReasonSchema.safeParse(exception).success) {
      throw badHeader(`X-Access-Exception must give the reason in ${EXCEPTION_REASON_MIN}–${EXCEPTION_REASON_MAX} printable characters`);
    }
    return { case: null, exception };
  }
  if (!CASE_ID.test(caseId!)) throw badHeader('X-Access-Case must be an appointment id');
  return { case: await cases.verify({ kind: 'user', viewer: identity.viewer }, purpose, caseId!, requestId), exception: null };
}
