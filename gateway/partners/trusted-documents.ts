/**
 * Trusted documents (docs/security.md, "Trusted documents"): the operations partner integrations
 * may run are `.graphql` files in schema/operations/partners/, registered by `npm run codegen` in
 * a manifest of sha256 hash → document (persisted-documents.json). A request names one by
 *
 * - `documentId` (GraphQL over HTTP, persisted documents): `"sha256:<hex>"` or the bare hex, or
 * - Apollo's `extensions.persistedQuery.sha256Hash` (version 1), with or without the query text,
 *
 * and the gateway runs the registered text. Where enforced (production by default), the restricted
 * roles (BANK by default) may run only registered documents: a free-form query is refused with
 * PERSISTED_DOCUMENT_REQUIRED. An id not in the manifest is PERSISTED_DOCUMENT_NOT_FOUND for
 * everyone; an id sent with another query's text, PERSISTED_DOCUMENT_MISMATCH. Apollo's automatic
 * persisted queries are off (server.ts), so no client can add a document to the list.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Identity, Role } from '../../schema/identity/viewer.ts';

export const TRUSTED_DOCUMENTS_MANIFEST = fileURLToPath(new URL('../../schema/operations/partners/__generated__/persisted-documents.json', import.meta.url));

const HASH = /^[0-9a-f]{64}$/;
/** As graphql-codegen's client preset writes it: `"sha256:<hex>": "<document>"`. */
const manifestSchema = z.record(z.string().regex(/^(?:sha256:)?[0-9a-f]{64}$/), z.string().min(1));

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** hash → document. A manifest whose hash does not match its document is refused at start-up. */
export type TrustedDocumentManifest = ReadonlyMap<string, string>;

export function loadTrustedDocuments(path: string): TrustedDocumentManifest {
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid trusted documents manifest ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const documents = new Map<string, string>();
  for (const [key, document] of Object.entries(parsed.data)) {
    const hash = key.replace(/^sha256:/, '');
    if (sha256Hex(document) !== hash) throw new Error(`Invalid trusted documents manifest ${path}: ${key} is not the sha256 of its document`);
    documents.set(hash, document);
  }
  return documents;
}

/** What a request asked to run, read from its body before Apollo Server sees it. */
export type DocumentRequest =
  | { kind: 'free-form' }
  | { kind: 'registered'; id: string }
  | { kind: 'unknown'; id: string }
  | { kind: 'mismatch'; id: string };

type Body = Record<string, unknown>;

function requestedId(body: Body): string | null | undefined {
  if (typeof body.documentId === 'string') {
    const id = body.documentId.startsWith('sha256:') ? body.documentId.slice('sha256:'.length) : body.documentId;
    return id.toLowerCase();
  }
  const extensions = body.extensions;
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const persisted = (extensions as Body).persistedQuery;
  if (persisted === undefined) return undefined;
  if (typeof persisted !== 'object' || persisted === null) return null;
  const hash = (persisted as Body).sha256Hash;
  return typeof hash === 'string' ? hash.toLowerCase() : null;
}

/**
 * The body Apollo Server is given (the registered text in `query`, the id fields removed) and what
 * the request asked for. Bodies that are not a JSON object pass unchanged, as free-form.
 */
export function resolveDocument(body: unknown, manifest: TrustedDocumentManifest): { body: unknown; request: DocumentRequest } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { body, request: { kind: 'free-form' } };
  const id = requestedId(body as Body);
  if (id === undefined) return { body, request: { kind: 'free-form' } };
  const { documentId: _documentId, ...rest } = body as Body;
  const extensions = typeof rest.extensions === 'object' && rest.extensions !== null ? { ...(rest.extensions as Body) } : undefined;
  if (extensions) delete extensions.persistedQuery;
  const stripped: Body = { ...rest, ...(extensions ? { extensions } : {}) };
  const document = id === null || !HASH.test(id) ? undefined : manifest.get(id);
  const shown = id ?? '';
  if (document === undefined) return { body: stripped, request: { kind: 'unknown', id: shown.slice(0, 80) } };
  if (typeof rest.query === 'string' && rest.query !== '' && rest.query !== document) return { body: stripped, request: { kind: 'mismatch', id: shown } };
  return { body: { ...stripped, query: document }, request: { kind: 'registered', id: shown } };
}

export interface TrustedDocumentPolicy {
  enforced: boolean;
  restrictedRoles: readonly Role[];
}

/** Throws when the caller may not run what it asked for; returns the registered id, if any. */
export function checkDocumentRequest(request: DocumentRequest, identity: Identity, policy: TrustedDocumentPolicy): string | null {
  if (request.kind === 'unknown') {
    throw new GraphQLError(`No registered document has the id '${request.id}'`, { extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND', http: { status: 400 } } });
  }
  if (request.kind === 'mismatch') {
    throw new GraphQLError(`The query sent is not the registered document '${request.id}'`, { extensions: { code: 'PERSISTED_DOCUMENT_MISMATCH', http: { status: 400 } } });
  }
  if (request.kind === 'registered') return request.id;
  const restricted = policy.enforced && identity.kind === 'user' && identity.viewer.roles.some((role) => policy.restrictedRoles.includes(role));
  if (restricted) {
    throw new GraphQLError('This role may run only registered operations: send a documentId from the partner operations manifest', {
      extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED', http: { status: 403 } },
    });
  }
  return null;
}
