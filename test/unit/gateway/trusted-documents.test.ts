import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocumentRequest, loadTrustedDocuments, resolveDocument, sha256Hex, TRUSTED_DOCUMENTS_MANIFEST } from '../../../gateway/partners/trusted-documents.ts';
import { viewerFromClaims, type Identity } from '../../../schema/identity/viewer.ts';

const DOCUMENT = 'query Ping { __typename }';
const HASH = sha256Hex(DOCUMENT);
const manifest = new Map([[HASH, DOCUMENT]]);

const user = (claims: Record<string, unknown>): Identity => ({ kind: 'user', viewer: viewerFromClaims({ sub: 'u', ...claims } as never) });
const bank = user({ roles: ['BANK'], bank_id: 'BANK-001' });
const analyst = user({ roles: ['ANALYST'] });
const enforced = { enforced: true, restrictedRoles: ['BANK'] as const };

function manifestFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'persisted-documents.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('the trusted documents manifest', () => {
  it('loads the committed one, keyed by bare hex', () => {
    const loaded = loadTrustedDocuments(TRUSTED_DOCUMENTS_MANIFEST);
    expect(loaded.size).toBeGreaterThan(0);
    for (const [hash, document] of loaded) expect(sha256Hex(document)).toBe(hash);
  });

  it('refuses a manifest whose hash is not the hash of its document, or that is not a manifest', () => {
    expect(() => loadTrustedDocuments(manifestFile({ [`sha256:${HASH}`]: `${DOCUMENT} ` }))).toThrow(/is not the sha256 of its document/);
    expect(() => loadTrustedDocuments(manifestFile({ 'not-a-hash': DOCUMENT }))).toThrow(/Invalid trusted documents manifest/);
    expect(loadTrustedDocuments(manifestFile({ [`sha256:${HASH}`]: DOCUMENT })).get(HASH)).toBe(DOCUMENT);
  });
});

describe('resolving a request to a document', () => {
  it('puts the registered text in place of documentId, with or without the sha256: prefix, in any case', () => {
    for (const documentId of [`sha256:${HASH}`, HASH, HASH.toUpperCase()]) {
      const { body, request } = resolveDocument({ documentId, variables: { a: 1 } }, manifest);
      expect(request).toEqual({ kind: 'registered', id: HASH });
      expect(body).toEqual({ query: DOCUMENT, variables: { a: 1 } });
    }
  });

  it("reads Apollo's persistedQuery extension and removes it, keeping other extensions", () => {
    const { body, request } = resolveDocument({ extensions: { persistedQuery: { version: 1, sha256Hash: HASH }, trace: true } }, manifest);
    expect(request.kind).toBe('registered');
    expect(body).toEqual({ query: DOCUMENT, extensions: { trace: true } });
  });

  it('tells unknown ids, malformed ids and another text under a known id apart from free-form queries', () => {
    expect(resolveDocument({ documentId: 'sha256:' + 'f'.repeat(64) }, manifest).request.kind).toBe('unknown');
    expect(resolveDocument({ documentId: 'x'.repeat(500) }, manifest).request).toEqual({ kind: 'unknown', id: 'x'.repeat(80) });
    expect(resolveDocument({ extensions: { persistedQuery: 'nonsense' } }, manifest).request.kind).toBe('unknown');
    expect(resolveDocument({ documentId: HASH, query: '{ other }' }, manifest).request.kind).toBe('mismatch');
    expect(resolveDocument({ documentId: HASH, query: DOCUMENT }, manifest).request.kind).toBe('registered');
    expect(resolveDocument({ query: DOCUMENT }, manifest)).toEqual({ body: { query: DOCUMENT }, request: { kind: 'free-form' } });
    expect(resolveDocument(undefined, manifest).request.kind).toBe('free-form');
  });
});

describe('who may run what', () => {
  it('refuses free-form queries from restricted roles only where enforced', () => {
    expect(() => checkDocumentRequest({ kind: 'free-form' }, bank, enforced)).toThrow(/only registered operations/);
    expect(checkDocumentRequest({ kind: 'free-form' }, bank, { ...enforced, enforced: false })).toBeNull();
    expect(checkDocumentRequest({ kind: 'free-form' }, analyst, enforced)).toBeNull();
    expect(checkDocumentRequest({ kind: 'free-form' }, { kind: 'anonymous' }, enforced)).toBeNull();
    expect(checkDocumentRequest({ kind: 'registered', id: HASH }, bank, enforced)).toBe(HASH);
  });

  it('restricts a token holding a restricted role among others', () => {
    const both = user({ roles: ['ANALYST', 'BANK'], bank_id: 'BANK-001' });
    expect(() => checkDocumentRequest({ kind: 'free-form' }, both, enforced)).toThrow(/only registered operations/);
  });

  it('refuses unknown and mismatched ids for everyone, with their codes', () => {
    for (const identity of [bank, analyst, { kind: 'anonymous' } as const]) {
      expect(() => checkDocumentRequest({ kind: 'unknown', id: 'x' }, identity, enforced)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'PERSISTED_DOCUMENT_NOT_FOUND' }) }));
      expect(() => checkDocumentRequest({ kind: 'mismatch', id: HASH }, identity, enforced)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'PERSISTED_DOCUMENT_MISMATCH' }) }));
    }
  });
});
