package dev.parley.application.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The canonical encoding of one stored event, the input of its leaf hash (docs/integrity.md): a version tag, then
 * each field as it is stored, strings and byte arrays prefixed by their length, numbers as 8-byte big-endian, ending
 * with the leaf hash of the previous event of the same stream (32 zero bytes for the first), which chains each
 * stream.
 *
 * @param position        the event's global position
 * @param aggregateType   the aggregate type
 * @param aggregateId     the aggregate's id
 * @param sequence        the event's sequence number in its stream
 * @param eventIdentifier the event message's id
 * @param payloadType     the stored payload type
 * @param payloadRevision the stored revision, or null
 * @param timestamp       the stored time stamp, as text
 * @param payload         the stored payload bytes
 * @param metaData        the stored metadata bytes, or null
 */
public record LeafInput(long position,
                        String aggregateType,
                        String aggregateId,
                        long sequence,
                        String eventIdentifier,
                        String payloadType,
                        String payloadRevision,
                        String timestamp,
                        byte[] payload,
                        byte[] metaData) {

    /** The version tag the encoding begins with. */
    public static final String VERSION = "parley-event-v1";

    /**
     * The bytes hashed for this event, given the leaf hash of the previous event of its stream.
     *
     * @param previousLeaf the previous leaf hash, or 32 zero bytes
     * @return the encoding
     */
    public byte[] encode(byte[] previousLeaf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + payload.length
                                                                      + (metaData == null ? 0 : metaData.length));
        text(out, VERSION);
        number(out, position);
        text(out, aggregateType);
        text(out, aggregateId);
        number(out, sequence);
        text(out, eventIdentifier);
        text(out, payloadType);
        text(out, payloadRevision == null ? "" : payloadRevision);
        text(out, timestamp);
        bytes(out, payload);
        bytes(out, metaData == null ? new byte[0] : metaData);
        out.writeBytes(previousLeaf);
        return out.toByteArray();
    }

    /**
     * The leaf hash of this event.
     *
     * @param previousLeaf the previous leaf hash, or 32 zero bytes
     * @return the leaf hash
     */
    public byte[] leafHash(byte[] previousLeaf) {
        return Hashes.leaf(encode(previousLeaf));
    }

    /**
     * Where an encoded event says it stands: the fields a proof names, read back from the hashed bytes.
     *
     * @param position the event's global position
     * @param aggregateType the aggregate type
     * @param aggregateId the aggregate's id
     * @param sequence its sequence number in its stream
     */
    public record Head(long position, String aggregateType, String aggregateId, long sequence) {
    }

    /**
     * Reads the head of an encoding; fails when the bytes are not a {@value #VERSION} encoding.
     *
     * @param encoding an encoding
     * @return its head
     */
    public static Head head(byte[] encoding) {
        ByteBuffer in = ByteBuffer.wrap(encoding);
        if (!VERSION.equals(readText(in))) {
            throw new IllegalArgumentException("not a " + VERSION + " encoding");
        }
        long position = in.getLong();
        String aggregateType = readText(in);
        String aggregateId = readText(in);
        return new Head(position, aggregateType, aggregateId, in.getLong());
    }

    /**
     * An event read back from its encoding, with the leaf hash of its stream's previous event it was chained to.
     *
     * @param event the event
     * @param previousLeaf the leaf hash it was chained to
     */
    public record Decoded(LeafInput event, byte[] previousLeaf) {
    }

    /**
     * Reads a whole encoding back; fails when the bytes are not exactly one {@value #VERSION} encoding. An empty
     * revision or metadata reads as null, as they were stored.
     *
     * @param encoding an encoding
     * @return its fields and the previous leaf hash
     */
    public static Decoded decode(byte[] encoding) {
        ByteBuffer in = ByteBuffer.wrap(encoding);
        try {
            if (!VERSION.equals(readText(in))) {
                throw new IllegalArgumentException("not a " + VERSION + " encoding");
            }
            long position = in.getLong();
            String aggregateType = readText(in);
            String aggregateId = readText(in);
            long sequence = in.getLong();
            String eventIdentifier = readText(in);
            String payloadType = readText(in);
            String revision = readText(in);
            String timestamp = readText(in);
            byte[] payload = readBytes(in);
            byte[] metaData = readBytes(in);
            if (in.remaining() != Hashes.SIZE) {
                throw new IllegalArgumentException("a " + VERSION + " encoding ends with one 32-byte leaf hash");
            }
            byte[] previous = new byte[Hashes.SIZE];
            in.get(previous);
            return new Decoded(new LeafInput(position, aggregateType, aggregateId, sequence, eventIdentifier,
                                             payloadType, revision.isEmpty() ? null : revision, timestamp, payload,
                                             metaData.length == 0 ? null : metaData), previous);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("the encoding ends early");
        }
    }

    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a length runs past the end of the encoding");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    static String readText(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a length runs past the end of the encoding");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void text(ByteArrayOutputStream out, String value) {
        bytes(out, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }

    static void bytes(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    static void number(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
    }
}
