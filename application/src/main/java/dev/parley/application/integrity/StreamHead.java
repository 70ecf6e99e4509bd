package dev.parley.application.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The head of one stream in a checkpoint's tree: its aggregate type and id, the sequence of its last event among the
 * tree's leaves, and that event's leaf hash. The leaves of the stream-heads tree (docs/integrity.md, "Attested
 * answers") are these, sorted by aggregate id.
 *
 * @param aggregateType the aggregate type
 * @param aggregateId   the aggregate's id
 * @param lastSequence  the sequence number of the stream's last event in the tree
 * @param lastLeaf      that event's 32-byte leaf hash
 */
public record StreamHead(String aggregateType, String aggregateId, long lastSequence, byte[] lastLeaf) {

    /** The version tag an encoded head begins with. */
    public static final String VERSION = "parley-head-v1";

    /** Aggregate ids in the order of their UTF-8 bytes, compared as unsigned numbers: the heads tree's order. */
    public static final Comparator<String> ID_ORDER = (left, right) -> Arrays.compareUnsigned(
            left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));

    /**
     * Checks and copies the leaf hash.
     *
     * @param aggregateType the aggregate type
     * @param aggregateId the aggregate's id
     * @param lastSequence the sequence number of the stream's last event in the tree
     * @param lastLeaf that event's 32-byte leaf hash
     * @throws IllegalArgumentException if the leaf hash is not 32 bytes
     */
    public StreamHead {
        if (lastLeaf.length != Hashes.SIZE) {
            throw new IllegalArgumentException("a leaf hash is " + Hashes.SIZE + " bytes");
        }
        lastLeaf = lastLeaf.clone();
    }

    /**
     * The leaf hash of the stream's last event.
     *
     * @return a copy of its 32 bytes
     */
    @Override
    public byte[] lastLeaf() {
        return lastLeaf.clone();
    }

    /**
     * {@code str(VERSION) || str(type) || str(id) || int64(last sequence) || last leaf hash}.
     *
     * @return the encoding
     */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        LeafInput.text(out, VERSION);
        LeafInput.text(out, aggregateType);
        LeafInput.text(out, aggregateId);
        LeafInput.number(out, lastSequence);
        out.writeBytes(lastLeaf);
        return out.toByteArray();
    }

    /**
     * The head's leaf hash in the heads tree, {@code SHA-256(0x00 || encode())}.
     *
     * @return the leaf hash
     */
    public byte[] leafHash() {
        return Hashes.leaf(encode());
    }

    /**
     * Reads an encoded head; fails when the bytes are not exactly one {@value #VERSION} encoding.
     *
     * @param encoding an encoded head
     * @return the head
     * @throws IllegalArgumentException if the bytes are not one encoding
     */
    public static StreamHead decode(byte[] encoding) {
        ByteBuffer in = ByteBuffer.wrap(encoding);
        try {
            if (!VERSION.equals(LeafInput.readText(in))) {
                throw new IllegalArgumentException("not a " + VERSION + " encoding");
            }
            String type = LeafInput.readText(in);
            String id = LeafInput.readText(in);
            long sequence = in.getLong();
            if (in.remaining() != Hashes.SIZE) {
                throw new IllegalArgumentException("a " + VERSION + " encoding ends with one 32-byte leaf hash");
            }
            byte[] leaf = new byte[Hashes.SIZE];
            in.get(leaf);
            return new StreamHead(type, id, sequence, leaf);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("the encoding ends early");
        }
    }
}
