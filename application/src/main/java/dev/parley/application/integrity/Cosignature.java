package dev.parley.application.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A C2SP {@code cosignature/v1} (c2sp.org/tlog-cosignature) read from a signature line: the witness's name and key ID,
 * the POSIX time it was made, and the Ed25519 signature of {@link #signedMessage}.
 *
 * @param name      the witness's name
 * @param keyId     its key ID
 * @param timestamp when it was made, in POSIX seconds
 * @param signature the 64-byte Ed25519 signature
 */
public record Cosignature(String name, int keyId, long timestamp, byte[] signature) {

    /**
     * The cosignature in a signature line, or null when the line is not 8 + 64 bytes long.
     *
     * @param line a signature line
     * @return the cosignature, or null
     */
    public static Cosignature fromOrNull(NoteSignature line) {
        byte[] bytes = line.signature();
        if (bytes.length != 8 + Ed25519.SIGNATURE_SIZE) {
            return null;
        }
        return new Cosignature(line.name(), line.keyId(), ByteBuffer.wrap(bytes, 0, 8).getLong(),
                               Arrays.copyOfRange(bytes, 8, bytes.length));
    }

    /**
     * {@code cosignature/v1\ntime <timestamp>\n} followed by the checkpoint's note text.
     *
     * @param checkpointText the checkpoint's note text
     * @param timestamp the cosignature's time, in POSIX seconds
     * @return the message's UTF-8 bytes
     */
    public static byte[] signedMessage(String checkpointText, long timestamp) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature's timestamp is 0 to 2^63 - 1");
        }
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The Ed25519 signature.
     *
     * @return a copy of its 64 bytes
     */
    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
