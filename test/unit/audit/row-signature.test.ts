/**
 * One signature per audit statement (row-signature.ts): every row of a signed statement verifies on
 * its own, and a row whose content, place, tree size, proof, signature or signer was changed does
 * not; rows signed one by one before migration 0018 still verify, and cannot be passed off as
 * tree rows or the other way round.
 */
import { describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign } from 'node:crypto';
import { auditKeyId, createAuditSigner, createSignatureVerifier, rowContentBytes, type SignedRowContent } from '../../../subgraphs/shared/audit/row-signature.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const signer = createAuditSigner(privateKey);
const keys = new Map([[auditKeyId(publicKey), publicKey]]);

const row = (i: number): SignedRowContent => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, at: new Date('2026-12-02T10:00:00.123Z'), subjectCurp: `GOMA800101HDFRRN${String(i % 100).padStart(2, '0')}`,
  action: 'READ', reason: null, actorSubject: 'staff-1', actorRole: 'CONSULATE_STAFF', actorScope: 'CON-LAX', purpose: 'CASE:1', subgraph: 'appointments',
  what: 'Appointment', fields: ['status'], requestId: 'r1', caseId: null, exceptionReason: null,
});

/** The rows as the trail stores them: each with its statement's signature and its own proof. */
const signed = (rows: SignedRowContent[], by = signer) => {
  const { signature, signer: keyId, treeSize, proofs } = by.signStatement(rows);
  return rows.map((content, i) => ({ ...content, signature, signer: keyId, treeIndex: i, treeSize, proof: proofs[i]! }));
};

describe('audit statement signatures', () => {
  it('signs a statement once: its rows share one signature and each verifies alone', () => {
    const rows = signed(Array.from({ length: 50 }, (_, i) => row(i)));
    expect(new Set(rows.map((r) => r.signature.toString('hex'))).size).toBe(1);
    expect(rows.map((r) => [r.treeIndex, r.treeSize, r.signer])).toEqual(rows.map((_, i) => [i, 50, auditKeyId(publicKey)]));
    for (const stored of rows) expect(createSignatureVerifier(keys)(stored, stored)).toBe(true);
  });

  it('signs each row with its own time when a statement carries several requests\' rows', () => {
    // Grouped appends: each request's rows share one Date, and requests alternate in subject order.
    const [first, second] = [new Date('2026-12-02T10:00:00.123Z'), new Date('2026-12-02T10:00:00.124Z')];
    const rows = signed([first, second, second, first, second].map((at, i) => ({ ...row(i), at })));
    for (const stored of rows) expect(createSignatureVerifier(keys)(stored, stored)).toBe(true);
    const moved = { ...rows[1]!, at: first };
    expect(createSignatureVerifier(keys)(moved, moved)).toBe(false);
  });

  it('refuses a row whose content, place, size, proof, signature or signer changed', () => {
    const rows = signed(Array.from({ length: 5 }, (_, i) => row(i)));
    const verify = createSignatureVerifier(keys);
    const target = rows[0]!; // leaf 0 of 5 takes the same path as in a tree of 8: only the signed size tells
    expect(verify({ ...target, what: 'Person' }, target)).toBe(false);
    expect(verify(target, { ...target, treeIndex: 1 })).toBe(false);
    expect(verify(target, { ...target, treeSize: 8 })).toBe(false);
    expect(verify(target, { ...target, proof: rows[1]!.proof })).toBe(false);
    expect(verify(target, { ...target, signature: signer.signStatement([row(99)]).signature })).toBe(false);
    expect(verify(target, { ...target, signer: auditKeyId(other.publicKey) })).toBe(false);
    expect(verify(target, target)).toBe(true);
  });

  it('refuses a statement signed with a key that is not published', () => {
    const [forged] = signed([row(1)], createAuditSigner(other.privateKey));
    expect(createSignatureVerifier(keys)(forged!, { ...forged!, signer: auditKeyId(publicKey) })).toBe(false);
    expect(createSignatureVerifier(keys)(forged!, forged!)).toBe(false);
  });

  it('verifies a row signed on its own before 0018, and not once it claims a tree or loses a column', () => {
    const content = row(7);
    const signature = sign(null, rowContentBytes(content), privateKey);
    const verify = createSignatureVerifier(keys);
    const legacy = { signature, signer: auditKeyId(publicKey), treeIndex: null, treeSize: null, proof: null };
    expect(verify(content, legacy)).toBe(true);
    expect(verify(content, { ...legacy, treeIndex: 0, treeSize: 1, proof: Buffer.alloc(0) })).toBe(false);
    expect(verify(content, { ...legacy, treeSize: 1 })).toBe(false);
    const [tree] = signed([content]);
    expect(verify(content, { ...tree!, treeIndex: null, treeSize: null, proof: null })).toBe(false);
  });
});
