/**
 * The Merkle tree that lets one Ed25519 signature cover every row of an audit INSERT
 * (docs/security.md, "Audit"). It is the tree hash of Certificate Transparency (RFC 6962, 2.1):
 * leaves are hashed with a 0x00 prefix and inner nodes with 0x01, so a leaf can never pass for a
 * node; a tree of n leaves splits at the largest power of two below n. Each row keeps its own
 * inclusion proof, so one row verifies alone (with its chain: a person's log does not need the rows
 * of the other people who shared its statement), and a rewritten row, proof, index or size no
 * longer reaches the signed root.
 */
import { hash } from 'node:crypto';

export const HASH_BYTES = 32;
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

// One-shot hashes: hashing was about half of signing a 50-row statement, with a `createHash` object
// made for each leaf and each node (README, "Performance"). The bytes hashed are the same.

/** A leaf's hash; `content` as text is hashed as its UTF-8 bytes (the 0x00 prefix is U+0000 in UTF-8). */
export function leafHash(content: Buffer | string): Buffer {
  return typeof content === 'string' ? hash('sha256', `\u0000${content}`, 'buffer') : hash('sha256', Buffer.concat([LEAF, content], 1 + content.length), 'buffer');
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return hash('sha256', Buffer.concat([NODE, left, right], 1 + left.length + right.length), 'buffer');
}

export interface MerkleTree {
  root: Buffer;
  /** Per leaf, the sibling hashes from the leaf up to the root, concatenated (empty for a tree of one). */
  proofs: Buffer[];
}

/** The root of the tree over `leaves` (hashes, in order) and every leaf's inclusion proof. */
export function merkleTree(leaves: readonly Buffer[]): MerkleTree {
  if (leaves.length === 0) throw new Error('a Merkle tree needs at least one leaf');
  const siblings: Buffer[][] = leaves.map(() => []);
  const subtree = (from: number, to: number): Buffer => {
    if (to - from === 1) return leaves[from]!;
    const split = from + largestPowerOfTwoBelow(to - from);
    const left = subtree(from, split);
    const right = subtree(split, to);
    // Deeper levels are pushed first, so each proof runs from its leaf upwards.
    for (let i = from; i < split; i++) siblings[i]!.push(right);
    for (let i = split; i < to; i++) siblings[i]!.push(left);
    return nodeHash(left, right);
  };
  const root = subtree(0, leaves.length);
  return { root, proofs: siblings.map((path) => Buffer.concat(path)) };
}

/**
 * The root that leaf `index` of a tree of `size` leaves reaches through `proof`, or null when the
 * proof cannot belong to such a leaf (RFC 9162, 2.1.3.2).
 */
export function rootFromProof(leaf: Buffer, index: number, size: number, proof: Buffer): Buffer | null {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size || proof.length % HASH_BYTES !== 0) return null;
  let fn = index;
  let sn = size - 1;
  let hash = leaf;
  for (let offset = 0; offset < proof.length; offset += HASH_BYTES) {
    if (sn === 0) return null;
    const sibling = proof.subarray(offset, offset + HASH_BYTES);
    if (fn % 2 === 1 || fn === sn) {
      hash = nodeHash(sibling, hash);
      // A right-most node with no sibling at its level is carried up unchanged.
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      hash = nodeHash(hash, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? hash : null;
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
