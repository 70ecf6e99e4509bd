package dev.parley.application.integrity;

import java.util.List;

/**
 * What {@link Verifier} found: the recomputed leaf hashes in position order with their positions, and the first
 * problem, if any, with its position and stream.
 */
public record Verification(List<byte[]> leaves, long[] positions, Problem problem, long nanos) {

    /**
     * Something altered, deleted, reordered or inserted, first seen at {@code position} of stream {@code stream}; or,
     * when {@code snapshotSequence} is not null, the stream's snapshot at that sequence does not match its events
     * (and {@code position} is -1: no event is at fault).
     */
    public record Problem(long position, String stream, String what, Long snapshotSequence) {

        public Problem(long position, String stream, String what) {
            this(position, stream, what, null);
        }

        static Problem inSnapshot(String stream, long sequence, String what) {
            return new Problem(-1, stream, what, sequence);
        }

        /** Whether the problem is in a snapshot rather than in the events. */
        public boolean inSnapshot() {
            return snapshotSequence != null;
        }

        /** Where the problem is and what it is, as one line. */
        public String describe() {
            if (!inSnapshot() && stream == null) {
                return what;
            }
            return (inSnapshot() ? "the snapshot of " + stream + " at sequence " + snapshotSequence
                    : "position " + position + " (stream " + stream + ")") + ": " + what;
        }
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
