/**
 * GET /partners/quota: a bank's usage of its monthly quotas so far (docs/operations.md, "Partner
 * quotas"), with the same bearer token as GraphQL. A BANK token reads its own bank's (`?bankId=`
 * may name it, no other); an IMSS_OFFICER reads any bank's with `?bankId=`; anyone else is refused.
 * Errors have the GraphQL error shape and codes, in the caller's language.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { sendJson } from '../../schema/runtime/http-server.ts';
import type { Identity } from '../../schema/identity/viewer.ts';
import { negotiateLocale } from '../error-messages/locale.ts';
import { localizeError } from '../error-messages/localize.ts';
import type { PartnerQuotas } from './quotas.ts';

export const QUOTA_REPORT_PATH = '/partners/quota';

const BANK_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface QuotaReportOptions {
  quotas: PartnerQuotas;
  /** Authenticates the request and applies the caller's rate limit (server.ts); throws a GraphQLError. */
  admit: (req: IncomingMessage) => Promise<Identity>;
}

/** The route, for `extraRoutes`: true when it answered. */
export function quotaReportRoute(options: QuotaReportOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    if (url.pathname !== QUOTA_REPORT_PATH) return false;
    try {
      if (req.method !== 'GET') throw new GraphQLError('Use GET', { extensions: { code: 'METHOD_NOT_ALLOWED', http: { status: 405, headers: new Map([['allow', 'GET']]) } } });
      const identity = await options.admit(req);
      const bankId = reportedBank(identity, url.searchParams.get('bankId'));
      sendJson(res, 200, await options.quotas.report(bankId));
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      sendError(req, res, error);
    }
    return true;
  };
}

function reportedBank(identity: Identity, asked: string | null): string {
  if (identity.kind !== 'user') {
    throw new GraphQLError('Sign in to read quota usage: send Authorization: Bearer <token>', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
    });
  }
  const { viewer } = identity;
  if (asked !== null && !BANK_ID.test(asked)) {
    throw new GraphQLError(`'${asked.slice(0, 80)}' is not a bank id`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  if (viewer.bankId !== null && (asked === null || asked === viewer.bankId)) return viewer.bankId;
  if (viewer.roles.includes('IMSS_OFFICER')) {
    if (asked === null) throw new GraphQLError('Name the bank: ?bankId=<bank_id>', { extensions: { code: 'QUOTA_BANK_REQUIRED', http: { status: 400 } } });
    return asked;
  }
  throw new GraphQLError('Not permitted', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

function sendError(req: IncomingMessage, res: ServerResponse, error: GraphQLError): void {
  const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Map<string, string> } } & Record<string, unknown>;
  const formatted: GraphQLFormattedError = localizeError({ message: error.message, extensions }, negotiateLocale(req.headers['accept-language']));
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  sendJson(res, http?.status ?? 400, { errors: [formatted] });
}
