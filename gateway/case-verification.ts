/**
 * Verifies the case a staff member says they act on (X-Access-Case), with the appointments
 * subgraph as the authority (docs/security.md, "Cases"): the gateway asks it, as the caller, for the
 * appointment — so appointments' own policy decides whether this staff member may see it at all —
 * and accepts it only when it is open today at the caller's own office, for the declared procedure.
 * The verified case then travels in the identity token to every subgraph of the request.
 * Verifications are remembered for a few seconds per caller, case and purpose.
 */
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { VerifiedCase } from '../schema/identity/access-grounds.ts';
import { IDENTITY_HEADER } from '../schema/identity/gateway-token.ts';
import { ExpiringLru } from '../schema/identity/lru.ts';
import { procedureOfPurpose } from '../schema/identity/procedures.ts';
import type { Identity, Viewer } from '../schema/identity/viewer.ts';
import type { IdentitySignerLike } from './datasource.ts';

const CASE_QUERY = 'query CaseVerification($id: ID!) { appointmentCase(id: $id) { id curp officeId procedure open } }';

export type CaseRefusal = 'CASE_NOT_FOUND' | 'CASE_NOT_OPEN' | 'CASE_OTHER_OFFICE' | 'CASE_OTHER_PROCEDURE' | 'CASE_UNVERIFIABLE';

const MESSAGES: Record<CaseRefusal, string> = {
  CASE_NOT_FOUND: 'No appointment with this id is visible to you (X-Access-Case must name an appointment at your office)',
  CASE_NOT_OPEN: 'The appointment is not open: the person must be checked in or called today',
  CASE_OTHER_OFFICE: 'The appointment is at another office',
  CASE_OTHER_PROCEDURE: "The appointment's procedure is not the one declared in X-Access-Purpose",
  CASE_UNVERIFIABLE: 'The case cannot be verified right now (appointments unavailable); try again',
};

export function caseNotVerified(reason: CaseRefusal): GraphQLError {
  return new GraphQLError(MESSAGES[reason], {
    extensions: { code: 'CASE_NOT_VERIFIED', reason, http: { status: reason === 'CASE_UNVERIFIABLE' ? 503 : 403 } },
  });
}

/** The office id of a staff member: their consulate, or their subdelegation's IMSS office. */
export function officeOf(viewer: Viewer): string[] {
  return [viewer.consulateId, viewer.subdelegation ? `IMSS-${viewer.subdelegation}` : null].filter((id): id is string => id !== null);
}

export interface CaseVerifier {
  /** `requestId`: the client request's, sent on so that appointments audits the lookup under it. */
  verify(identity: Identity & { kind: 'user' }, purpose: string, caseId: string, requestId?: string): Promise<VerifiedCase>;
}

export function createCaseVerifier(options: { appointmentsUrl: string; fetcher: Fetcher; signer: IdentitySignerLike; ttlMs?: number }): CaseVerifier {
  const cache = new ExpiringLru<Promise<VerifiedCase>>(10_000);
  const ttl = options.ttlMs ?? 10_000;

  async function ask(identity: Identity & { kind: 'user' }, purpose: string, caseId: string, requestId: string | undefined): Promise<VerifiedCase> {
    let found: { id: string; curp: string; officeId: string; procedure: string; open: boolean } | null;
    try {
      const response = await options.fetcher(options.appointmentsUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: await options.signer.sign(identity, 'appointments', purpose),
          ...(requestId !== undefined && { 'x-request-id': requestId }),
        },
        body: JSON.stringify({ query: CASE_QUERY, variables: { id: caseId } }),
      });
      const body = (await response.json()) as { data?: { appointmentCase?: typeof found } };
      if (!response.ok && response.status >= 500) throw new Error(`appointments answered ${response.status}`);
      found = body.data?.appointmentCase ?? null;
    } catch {
      throw caseNotVerified('CASE_UNVERIFIABLE');
    }
    if (!found) throw caseNotVerified('CASE_NOT_FOUND');
    if (!officeOf(identity.viewer).includes(found.officeId)) throw caseNotVerified('CASE_OTHER_OFFICE');
    if (!found.open) throw caseNotVerified('CASE_NOT_OPEN');
    if (found.procedure !== procedureOfPurpose(purpose)) throw caseNotVerified('CASE_OTHER_PROCEDURE');
    return Object.freeze({ id: found.id, curp: found.curp, office: found.officeId, procedure: found.procedure });
  }

  return {
    verify(identity, purpose, caseId, requestId) {
      // The office is part of the key: a staff member moved to another office re-verifies at once.
      const key = JSON.stringify([identity.viewer.subject, officeOf(identity.viewer), caseId, purpose]);
      const cached = cache.get(key);
      if (cached) return cached;
      // A remembered verification was audited under the request that made it.
      const pending = ask(identity, purpose, caseId, requestId);
      cache.set(key, pending, Date.now() + ttl);
      // A refusal is not remembered: the person may be checked in a moment later.
      pending.catch(() => cache.delete(key));
      return pending;
    },
  };
}
