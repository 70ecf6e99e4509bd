package dev.parley.application.integrity;

import java.util.List;

/**
 * What {@link Verifier} found: the recomputed leaf hashes in position order with their positions, and the first
 * problem, if any, with its position and stream.
 *
 * @param leaves    the recomputed leaf hashes, in position order
 * @param positions the global position of each leaf
 * @param problem   the first problem, or null
 * @param nanos     how long the verification took, in nanoseconds
 */
public record Verification(List<byte[]> leaves, long[] positions, Problem problem, long nanos) {

    /**
     * Something altered, deleted, reordered or inserted, first seen at {@code position} of stream {@code stream}; or,
     * when {@code snapshotSequence} is not null, the stream's snapshot at that sequence does not match its events
     * (and {@code position} is -1: no event is at fault).
     *
     * @param position         the global position, or -1
     * @param stream           the aggregate id of the stream, or null when the problem is not in one
     * @param what             what is wrong
     * @param snapshotSequence the snapshot's sequence, or null
     */
    public record Problem(long position, String stream, String what, Long snapshotSequence) {

        /**
         * A problem in the events.
         *
         * @param position the global position
         * @param stream the aggregate id of the stream, or null
         * @param what what is wrong
         */
        public Problem(long position, String stream, String what) {
            this(position, stream, what, null);
        }

        static Problem inSnapshot(String stream, long sequence, String what) {
            return new Problem(-1, stream, what, sequence);
        }

        /**
         * Whether the problem is in a snapshot rather than in the events.
         *
         * @return true for a snapshot
         */
        public boolean inSnapshot() {
            return snapshotSequence != null;
        }

        /**
         * Where the problem is and what it is, as one line.
         *
         * @return the line
         */
        public String describe() {
            if (!inSnapshot() && stream == null) {
                return what;
            }
            return (inSnapshot() ? "the snapshot of " + stream + " at sequence " + snapshotSequence
                    : "position " + position + " (stream " + stream + ")") + ": " + what;
        }
    }

    /**
     * Whether no problem was found.
     *
     * @return true without a problem
     */
    public boolean intact() {
        return problem == null;
    }

    /**
     * The root hash of the recomputed tree.
     *
     * @return the root hash
     */
    public byte[] root() {
        return MerkleTree.root(leaves);
    }

    /**
     * The index of the leaf of the event at {@code position}, or -1.
     *
     * @param position a global position
     * @return the leaf's index, from 0
     */
    public int leafIndexOf(long position) {
        int index = java.util.Arrays.binarySearch(positions, position);
        return index >= 0 ? index : -1;
    }
}
