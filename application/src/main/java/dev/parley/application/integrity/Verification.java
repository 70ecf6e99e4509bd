package dev.parley.application.integrity;

import java.util.List;

/**
 * What {@link Verifier} found: the recomputed leaf hashes in position order with their positions, and the first
 * problem, if any, with its position and stream.
 */
public record Verification(List<byte[]> leaves, long[] positions, Problem problem, long nanos) {

    /** Something altered, deleted, reordered or inserted, first seen at {@code position} of stream {@code stream}. */
    public record Problem(long position, String stream, String what) {
    }

    public boolean intact() {
        return problem == null;
    }

    public byte[] root() {
        return MerkleTree.root(leaves);
    }

    /** The index of the leaf of the event at {@code position}, or -1. */
    public int leafIndexOf(long position) {
        int index = java.util.Arrays.binarySearch(positions, position);
        return index >= 0 ? index : -1;
    }
}
