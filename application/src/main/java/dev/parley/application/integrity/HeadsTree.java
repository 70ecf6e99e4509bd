package dev.parley.application.integrity;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The stream-heads tree of a checkpoint: the RFC 6962 tree whose leaves are the heads of every stream with an event
 * in the checkpoint's tree ({@link StreamHead}), sorted by aggregate id, committed to by the checkpoint's extension
 * line {@code parley-heads-v1 <count> <base64 root>}.
 */
public final class HeadsTree {

    /** The first word of the extension line. */
    public static final String EXTENSION = "parley-heads-v1";

    private final List<StreamHead> heads;
    private final List<byte[]> leaves;

    private HeadsTree(List<StreamHead> sorted) {
        this.heads = sorted;
        this.leaves = sorted.stream().map(StreamHead::leafHash).toList();
    }

    /**
     * The tree of these heads, one per stream.
     *
     * @param heads the head of every stream, in any order
     * @return the tree, its leaves ordered by aggregate id
     */
    public static HeadsTree of(Collection<StreamHead> heads) {
        List<StreamHead> sorted = new ArrayList<>(heads);
        sorted.sort(Comparator.comparing(StreamHead::aggregateId, StreamHead.ID_ORDER));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).aggregateId().equals(sorted.get(i).aggregateId())) {
                throw new IllegalArgumentException("two heads of the stream " + sorted.get(i).aggregateId());
            }
        }
        return new HeadsTree(sorted);
    }

    /**
     * The number of streams.
     *
     * @return the number of leaves
     */
    public long size() {
        return heads.size();
    }

    /**
     * The tree's root hash.
     *
     * @return the root hash; SHA-256 of nothing for no streams
     */
    public byte[] root() {
        return MerkleTree.root(leaves);
    }

    /**
     * The head at a leaf.
     *
     * @param index the leaf's index, from 0
     * @return the stream's head
     */
    public StreamHead head(int index) {
        return heads.get(index);
    }

    /**
     * The index of the stream's head, or {@code -(insertion point) - 1} when it has none, as a binary search.
     *
     * @param aggregateId the stream's aggregate id
     * @return the leaf's index, or a negative number when there is none
     */
    public int indexOf(String aggregateId) {
        int low = 0;
        int high = heads.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = StreamHead.ID_ORDER.compare(heads.get(middle).aggregateId(), aggregateId);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    /**
     * The audit path of a leaf.
     *
     * @param index the leaf's index, from 0
     * @return the sibling hashes from the leaf up to the root
     */
    public List<byte[]> inclusionPath(int index) {
        return MerkleTree.inclusionPath(leaves, index);
    }

    /**
     * The checkpoint extension line committing to this tree.
     *
     * @return {@code parley-heads-v1 <count> <base64 root>}
     */
    public String extensionLine() {
        return commitment().line();
    }

    /**
     * What a checkpoint commits to about this tree.
     *
     * @return its size and root
     */
    public Commitment commitment() {
        return new Commitment(size(), root());
    }

    /**
     * What a checkpoint's extension line commits to: how many streams, and the root of their heads tree.
     *
     * @param count the number of streams
     * @param root  the root hash of their heads tree
     */
    public record Commitment(long count, byte[] root) {

        /**
         * The commitment as a checkpoint extension line.
         *
         * @return {@code parley-heads-v1 <count> <base64 root>}
         */
        public String line() {
            return EXTENSION + " " + count + " " + Base64.getEncoder().encodeToString(root);
        }

        /**
         * The commitment a checkpoint carries, or null when it has no {@value #EXTENSION} line (older checkpoints).
         *
         * @param checkpoint a checkpoint
         * @return the commitment, or null
         */
        public static Commitment of(Checkpoint checkpoint) {
            Commitment found = null;
            for (String line : checkpoint.extensions()) {
                String[] words = line.split(" ", -1);
                if (!words[0].equals(EXTENSION)) {
                    continue;
                }
                if (found != null) {
                    throw new IllegalArgumentException("a checkpoint has one " + EXTENSION + " line");
                }
                if (words.length != 3 || !words[1].matches("0|[1-9][0-9]{0,18}")) {
                    throw new IllegalArgumentException("a " + EXTENSION + " line is: " + EXTENSION
                                                               + " <count> <base64 root>");
                }
                byte[] root;
                try {
                    root = Base64.getDecoder().decode(words[2]);
                } catch (IllegalArgumentException e) {
                    root = new byte[0];
                }
                if (root.length != Hashes.SIZE || !Base64.getEncoder().encodeToString(root).equals(words[2])) {
                    throw new IllegalArgumentException("a " + EXTENSION + " root is base64 of 32 bytes");
                }
                found = new Commitment(Long.parseLong(words[1]), root);
            }
            return found;
        }
    }
}
