package dev.parley.application.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The body of a C2SP transparency-log checkpoint (c2sp.org/tlog-checkpoint): the log's origin, the tree size in
 * decimal, the base64 RFC 6962 root hash, and optional extension lines, each ending with a newline.
 *
 * @param origin     the log's origin, one non-empty line
 * @param treeSize   the number of leaves
 * @param rootHash   the 32-byte root hash
 * @param extensions the extension lines, without their newlines
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, List<String> extensions) {

    /**
     * Checks the fields and copies the hash and the lines.
     *
     * @param origin the log's origin, one non-empty line
     * @param treeSize the number of leaves
     * @param rootHash the 32-byte root hash
     * @param extensions the extension lines, without their newlines
     * @throws IllegalArgumentException if a field breaks the format
     */
    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree size is 0 or more");
        }
        if (rootHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("a root hash is " + Hashes.SIZE + " bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        if (extensions.stream().anyMatch(line -> line.isEmpty() || line.contains("\n"))) {
            throw new IllegalArgumentException("extension lines are non-empty lines");
        }
    }

    /**
     * A checkpoint without extension lines.
     *
     * @param origin the log's origin, one non-empty line
     * @param treeSize the number of leaves
     * @param rootHash the 32-byte root hash
     */
    public Checkpoint(String origin, long treeSize, byte[] rootHash) {
        this(origin, treeSize, rootHash, List.of());
    }

    /**
     * Parses a note text as a checkpoint body, strictly.
     *
     * @param text the note text
     * @return the checkpoint
     * @throws IllegalArgumentException if the text is not a checkpoint body
     */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint's lines end with newlines");
        }
        List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a tree size and a root hash");
        }
        String size = lines.get(1);
        if (!size.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("a checkpoint's tree size is decimal with no leading zeroes: " + size);
        }
        long treeSize;
        try {
            treeSize = Long.parseLong(size);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a checkpoint's tree size is too large: " + size);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines.get(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a checkpoint's root hash is base64: " + lines.get(2));
        }
        if (!Base64.getEncoder().encodeToString(root).equals(lines.get(2))) {
            throw new IllegalArgumentException("a checkpoint's root hash is base64 of 32 bytes: " + lines.get(2));
        }
        return new Checkpoint(lines.get(0), treeSize, root, new ArrayList<>(lines.subList(3, lines.size())));
    }

    /**
     * The note text: origin, size, root and extension lines, each with its newline.
     *
     * @return the text
     */
    public String text() {
        StringBuilder text = new StringBuilder(origin).append('\n').append(treeSize).append('\n')
                                                      .append(Base64.getEncoder().encodeToString(rootHash))
                                                      .append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /**
     * The root hash.
     *
     * @return a copy of its 32 bytes
     */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint checkpoint && checkpoint.origin.equals(origin)
                && checkpoint.treeSize == treeSize && Arrays.equals(checkpoint.rootHash, rootHash)
                && checkpoint.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(treeSize);
    }

    @Override
    public String toString() {
        return text();
    }
}
