package dev.parley.application.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RFC 6962 Merkle tree over leaf hashes in position order: its root (MTH), inclusion paths (PATH), consistency
 * proofs (PROOF), and the verification of both as RFC 9162 section 2.1 specifies.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /**
     * MTH over {@code leaves[from, to)}; the empty tree hashes to SHA-256 of nothing.
     *
     * @param leaves the leaf hashes, in order
     * @return the tree's root hash
     */
    public static byte[] root(List<byte[]> leaves) {
        return leaves.isEmpty() ? Hashes.sha256().digest() : root(leaves, 0, leaves.size());
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int size = to - from;
        if (size == 1) {
            return leaves.get(from);
        }
        int split = largestPowerOfTwoBelow(size);
        return Hashes.node(root(leaves, from, from + split), root(leaves, from + split, to));
    }

    /**
     * The audit path of leaf {@code index} in the tree of {@code leaves}.
     *
     * @param leaves the leaf hashes, in order
     * @param index the leaf's index, from 0
     * @return the sibling hashes from the leaf up to the root
     */
    public static List<byte[]> inclusionPath(List<byte[]> leaves, int index) {
        List<byte[]> path = new ArrayList<>();
        path(leaves, index, 0, leaves.size(), path);
        return path;
    }

    private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> path) {
        int size = to - from;
        if (size <= 1) {
            return;
        }
        int split = largestPowerOfTwoBelow(size);
        if (index < split) {
            path(leaves, index, from, from + split, path);
            path.add(root(leaves, from + split, to));
        } else {
            path(leaves, index - split, from + split, to, path);
            path.add(root(leaves, from, from + split));
        }
    }

    /**
     * The consistency proof between the first {@code oldSize} leaves and all of {@code leaves}.
     *
     * @param leaves the leaf hashes of the new tree, in order
     * @param oldSize the size of the old tree
     * @return the proof's hashes
     */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int oldSize) {
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < leaves.size()) {
            subproof(leaves, oldSize, 0, leaves.size(), true, proof);
        }
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean whole, List<byte[]> proof) {
        int size = to - from;
        if (m == size) {
            if (!whole) {
                proof.add(root(leaves, from, to));
            }
            return;
        }
        int split = largestPowerOfTwoBelow(size);
        if (m <= split) {
            subproof(leaves, m, from, from + split, whole, proof);
            proof.add(root(leaves, from + split, to));
        } else {
            subproof(leaves, m - split, from + split, to, false, proof);
            proof.add(root(leaves, from, from + split));
        }
    }

    /**
     * Whether {@code path} proves leaf {@code index} with hash {@code leaf} in the tree of {@code size} and root.
     *
     * @param leaf the leaf hash
     * @param index the leaf's index, from 0
     * @param size the tree's size
     * @param path the audit path
     * @param root the tree's root hash
     * @return true when the path proves it
     */
    public static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || leaf.length != Hashes.SIZE) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = Hashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * Whether {@code proof} shows the tree of {@code newSize} and {@code newRoot} extends that of the old ones, for
     * {@code 0 < oldSize <= newSize}.
     *
     * @param oldSize the old tree's size
     * @param oldRoot the old tree's root hash
     * @param newSize the new tree's size
     * @param newRoot the new tree's root hash
     * @param proof the consistency proof
     * @return true when the proof shows it
     */
    public static boolean verifyConsistency(long oldSize, byte[] oldRoot, long newSize, byte[] newRoot,
                                            List<byte[]> proof) {
        // RFC 9162 defines proofs from a non-empty tree only: every tree extends the empty one, so a proof from
        // size 0 proves nothing and is refused, as transparency-dev/merkle's verifier and its test vectors do.
        if (oldSize <= 0 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && Arrays.equals(oldRoot, newRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(oldSize) == 1) {
            path.add(0, oldRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.node(c, fr);
                sr = Hashes.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = Hashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, oldRoot) && Arrays.equals(sr, newRoot);
    }

    private static int largestPowerOfTwoBelow(int size) {
        return Integer.highestOneBit(size - 1);
    }
}
