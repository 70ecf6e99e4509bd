package dev.parley.application.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962's MTH, PATH and PROOF over a tree of up to 2^63 - 1 leaves whose full subtrees are looked up, not
 * recomputed: every range the RFC's recursion visits splits into at most one full subtree per level, so a root, an
 * audit path or a consistency proof costs O(log n) lookups. The results are those of {@link MerkleTree} over the same
 * leaves.
 */
public final class TreeHashes {

    /** The hash of the full subtree of {@code 2^level} leaves starting at leaf {@code index * 2^level}. */
    @FunctionalInterface
    public interface Subtrees {
        /**
         * The hash of one full subtree.
         *
         * @param level the subtree's height
         * @param index its index among the subtrees of that height
         * @return its hash
         */
        byte[] full(int level, long index);
    }

    private final Subtrees subtrees;

    /**
     * Tree hashes over the full subtrees {@code subtrees} gives.
     *
     * @param subtrees gives the hash of a full subtree
     */
    public TreeHashes(Subtrees subtrees) {
        this.subtrees = subtrees;
    }

    /**
     * Full subtrees computed from leaves held in a list: for tests and small trees.
     *
     * @param leaves the leaf hashes, in order
     * @return the tree hashes
     */
    public static TreeHashes over(List<byte[]> leaves) {
        return new TreeHashes((level, index) -> MerkleTree.root(
                leaves.subList((int) (index << level), (int) ((index + 1) << level))));
    }

    /**
     * MTH of the first {@code size} leaves; the empty tree's is SHA-256 of nothing.
     *
     * @param size the number of leaves
     * @return the root hash
     */
    public byte[] root(long size) {
        return size == 0 ? Hashes.sha256().digest() : hash(0, size);
    }

    /** MTH of leaves {@code [from, to)}, where {@code from} is a multiple of the largest power of two below the size. */
    byte[] hash(long from, long to) {
        long size = to - from;
        if (Long.bitCount(size) == 1) {
            int level = Long.numberOfTrailingZeros(size);
            return subtrees.full(level, from >>> level);
        }
        long split = largestPowerOfTwoBelow(size);
        return Hashes.node(hash(from, from + split), hash(from + split, to));
    }

    /**
     * The audit path of leaf {@code index} in the tree of the first {@code size} leaves (RFC 6962's PATH).
     *
     * @param index the leaf's index, from 0
     * @param size the tree's size
     * @return the sibling hashes from the leaf up to the root
     */
    public List<byte[]> inclusionPath(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        long from = 0;
        long to = size;
        List<byte[]> reversed = new ArrayList<>();
        while (to - from > 1) {
            long split = largestPowerOfTwoBelow(to - from);
            if (index < from + split) {
                reversed.add(hash(from + split, to));
                to = from + split;
            } else {
                reversed.add(hash(from, from + split));
                from = from + split;
            }
        }
        for (int i = reversed.size() - 1; i >= 0; i--) {
            path.add(reversed.get(i));
        }
        return path;
    }

    /**
     * PROOF(oldSize, D[size]); empty for 0 or equal sizes.
     *
     * @param oldSize the old tree's size
     * @param size the new tree's size
     * @return the proof's hashes
     */
    public List<byte[]> consistencyProof(long oldSize, long size) {
        if (oldSize < 0 || oldSize > size) {
            throw new IllegalArgumentException("no consistency proof from " + oldSize + " to " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < size) {
            subproof(oldSize, 0, size, true, proof);
        }
        return proof;
    }

    private void subproof(long m, long from, long to, boolean whole, List<byte[]> proof) {
        long size = to - from;
        if (m == size) {
            if (!whole) {
                proof.add(hash(from, to));
            }
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (m <= split) {
            subproof(m, from, from + split, whole, proof);
            proof.add(hash(from + split, to));
        } else {
            subproof(m - split, from + split, to, false, proof);
            proof.add(hash(from, from + split));
        }
    }

    static long largestPowerOfTwoBelow(long size) {
        return Long.highestOneBit(size - 1);
    }
}
