package dev.parley.application.integrity;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * One signature line of a signed note, {@code — <name> base64(key ID || signature)}: the key's name, its 4-byte ID,
 * and the signature bytes after the ID (for a cosignature, the timestamp and the Ed25519 signature).
 *
 * @param name      the key's name
 * @param keyId     the key's ID
 * @param signature the signature bytes after the ID
 */
public record NoteSignature(String name, int keyId, byte[] signature) {

    /**
     * Checks the name and copies the signature.
     *
     * @param name the key's name
     * @param keyId the key's ID
     * @param signature the signature bytes after the ID
     * @throws IllegalArgumentException if the name is not a key name
     */
    public NoteSignature {
        checkName(name);
        signature = signature.clone();
    }

    /**
     * The line's base64: the key ID, big-endian, then the signature.
     *
     * @return the base64 text
     */
    public String base64() {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4 + signature.length).putInt(keyId)
                                                            .put(signature).array());
    }

    /**
     * The line as it is written in a note, newline included.
     *
     * @return the line
     */
    public String line() {
        return "\u2014 " + name + " " + base64() + "\n";
    }

    /**
     * The signature bytes after the key ID.
     *
     * @return a copy of them
     */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature line && line.name.equals(name) && line.keyId == keyId
                && Arrays.equals(line.signature, signature);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + keyId;
    }

    /** Key names are non-empty, with no Unicode space, no plus sign and no control character. */
    static boolean validName(String name) {
        return name != null && !name.isEmpty() && name.codePoints().noneMatch(
                c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                        || Character.getType(c) == Character.SURROGATE);
    }

    static void checkName(String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException("not a key name (non-empty, no spaces, no plus sign): " + name);
        }
    }
}
