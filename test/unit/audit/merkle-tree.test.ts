/**
 * The Merkle tree under one audit signature per statement: every leaf of trees of every size up to
 * a queue list's reaches the root through its own proof, and nothing else does — not another leaf,
 * not the right leaf at another place, not a proof with a byte changed.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { HASH_BYTES, leafHash, merkleTree, rootFromProof } from '../../../subgraphs/shared/audit/merkle-tree.ts';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`row ${i}`)));
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

describe('audit Merkle tree', () => {
  it('hashes as RFC 6962 does: leaves with 0x00, nodes with 0x01, split at the largest power of two below n', () => {
    const [a, b, c] = leaves(3) as [Buffer, Buffer, Buffer];
    expect(leafHash(Buffer.from('row 0'))).toEqual(sha(Buffer.from([0]), Buffer.from('row 0')));
    // Text is hashed as its UTF-8 bytes, non-ASCII included (the signer hashes rows' JSON text).
    expect(leafHash('{"name":"Peña Núñez"}')).toEqual(leafHash(Buffer.from('{"name":"Peña Núñez"}', 'utf8')));
    expect(merkleTree([a]).root).toEqual(a);
    expect(merkleTree([a, b, c]).root).toEqual(sha(Buffer.from([1]), sha(Buffer.from([1]), a, b), c));
    expect(merkleTree([a, b, c]).proofs).toEqual([Buffer.concat([b, c]), Buffer.concat([a, c]), sha(Buffer.from([1]), a, b)]);
  });

  it('proves every leaf of every tree from 1 to 64 leaves, with at most ⌈log2 n⌉ hashes', () => {
    for (let n = 1; n <= 64; n++) {
      const hashes = leaves(n);
      const { root, proofs } = merkleTree(hashes);
      hashes.forEach((leaf, i) => {
        expect(rootFromProof(leaf, i, n, proofs[i]!)).toEqual(root);
        expect(proofs[i]!.length / HASH_BYTES).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
      });
    }
  });

  // Not another size: leaf 0 of 3 and of 4 take the same path, so the root does not bind the size;
  // the signature does (row-signature.test.ts).
  it('reaches no root from another leaf or another index', () => {
    for (const n of [2, 3, 5, 8, 13, 50]) {
      const hashes = leaves(n);
      const { root, proofs } = merkleTree(hashes);
      for (let i = 0; i < n; i++) {
        const other = (i + 1) % n;
        expect(rootFromProof(hashes[other]!, i, n, proofs[i]!)).not.toEqual(root);
        expect(rootFromProof(hashes[i]!, other, n, proofs[i]!)).not.toEqual(root);
      }
    }
  });

  it('reaches no root through a proof with one byte changed, one hash missing or one hash too many', () => {
    const hashes = leaves(50);
    const { root, proofs } = merkleTree(hashes);
    const proof = proofs[17]!;
    for (let byte = 0; byte < proof.length; byte += 7) {
      const changed = Buffer.from(proof);
      changed[byte]! ^= 1;
      expect(rootFromProof(hashes[17]!, 17, 50, changed)).not.toEqual(root);
    }
    expect(rootFromProof(hashes[17]!, 17, 50, proof.subarray(HASH_BYTES))).not.toEqual(root);
    expect(rootFromProof(hashes[17]!, 17, 50, Buffer.concat([proof, hashes[0]!]))).toBeNull();
    expect(rootFromProof(hashes[17]!, 17, 50, proof.subarray(1))).toBeNull();
  });

  it('refuses impossible places and an empty tree', () => {
    const [a] = leaves(1) as [Buffer];
    expect(rootFromProof(a, 1, 1, Buffer.alloc(0))).toBeNull();
    expect(rootFromProof(a, -1, 4, Buffer.alloc(0))).toBeNull();
    expect(rootFromProof(a, 0, 0, Buffer.alloc(0))).toBeNull();
    expect(() => merkleTree([])).toThrow(/at least one leaf/);
  });
});
