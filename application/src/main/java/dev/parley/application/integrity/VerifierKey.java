package dev.parley.application.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A C2SP signed-note verifier key, {@code <name>+<hex key ID>+<base64(type || public key)>}: an Ed25519 note key
 * (type {@code 0x01}, a log's) or an Ed25519 {@code cosignature/v1} key (type {@code 0x04}, a witness's). The key ID is
 * the first four bytes of {@code SHA-256(name || 0x0A || type || public key)}.
 *
 * @param name      the key's name
 * @param keyId     the key ID
 * @param type      {@link #ED25519} or {@link #COSIGNATURE_V1}
 * @param publicKey the 32-byte public key
 */
public record VerifierKey(String name, int keyId, int type, byte[] publicKey) {

    /** Ed25519 signatures over the note text (c2sp.org/signed-note). */
    public static final int ED25519 = 0x01;
    /** Timestamped Ed25519 cosignatures of checkpoints (c2sp.org/tlog-cosignature). */
    public static final int COSIGNATURE_V1 = 0x04;

    /**
     * Checks the key and copies the public key.
     *
     * @param name the key's name
     * @param keyId the key ID
     * @param type {@link #ED25519} or {@link #COSIGNATURE_V1}
     * @param publicKey the 32-byte public key
     * @throws IllegalArgumentException if the name is invalid, the type unknown, the key not 32 bytes or the key ID
     *     wrong
     */
    public VerifierKey {
        NoteSignature.checkName(name);
        if (type != ED25519 && type != COSIGNATURE_V1) {
            throw new IllegalArgumentException("unknown signature type " + type);
        }
        if (publicKey.length != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        if (keyId != keyId(name, type, publicKey)) {
            throw new IllegalArgumentException("the key ID does not match the name and key");
        }
        publicKey = publicKey.clone();
    }

    /**
     * The verifier key of {@code name} and a raw Ed25519 public key, for signatures of {@code type}.
     *
     * @param name the key's name
     * @param type {@link #ED25519} or {@link #COSIGNATURE_V1}
     * @param publicKey the 32-byte public key
     * @return the key, with its key ID computed
     */
    public static VerifierKey of(String name, int type, byte[] publicKey) {
        NoteSignature.checkName(name);
        return new VerifierKey(name, keyId(name, type, publicKey), type, publicKey);
    }

    /**
     * {@code SHA-256(name || 0x0A || type || key)[:4]}, big-endian.
     *
     * @param name the key's name
     * @param type the signature type
     * @param key the raw public key
     * @return the key ID
     */
    public static int keyId(String name, int type, byte[] key) {
        MessageDigest sha256 = Hashes.sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update((byte) type);
        sha256.update(key);
        return ByteBuffer.wrap(sha256.digest()).getInt();
    }

    /**
     * Parses a verifier key as golang.org/x/mod/sumdb/note does, refusing anything else: a valid name, exactly eight
     * hex digits, and a key ID that holds over the name and key.
     *
     * @param text {@code <name>+<hex key ID>+<base64>}
     * @return the key
     * @throws IllegalArgumentException if the text is not such a key
     */
    public static VerifierKey parse(String text) {
        String invalid = "not a verifier key (name+keyid+base64key): " + text;
        int first = text.indexOf('+');
        int second = first < 0 ? -1 : text.indexOf('+', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException(invalid);
        }
        String name = text.substring(0, first);
        String hex = text.substring(first + 1, second);
        if (!NoteSignature.validName(name) || hex.length() != 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(invalid);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(invalid);
        }
        int id = (int) Long.parseLong(hex, 16);
        if (key.length == 0 || id != keyIdOfEncoded(name, key)) {
            throw new IllegalArgumentException(invalid + " (its key ID does not match)");
        }
        int type = key[0] & 0xff;
        if (type != ED25519 && type != COSIGNATURE_V1) {
            throw new IllegalArgumentException(invalid + " (unknown signature type " + type + ")");
        }
        if (key.length != 1 + Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException(invalid + " (an Ed25519 key is 32 bytes)");
        }
        return new VerifierKey(name, id, type, Arrays.copyOfRange(key, 1, key.length));
    }

    private static int keyIdOfEncoded(String name, byte[] typeAndKey) {
        return keyId(name, typeAndKey[0] & 0xff, Arrays.copyOfRange(typeAndKey, 1, typeAndKey.length));
    }

    /**
     * Whether {@code signature} (a signature line's bytes after the key ID) is this key's over {@code noteText}: the
     * Ed25519 signature of the text, or for a cosignature key an 8-byte timestamp and the signature of
     * {@link Cosignature#signedMessage}.
     *
     * @param noteText the note's text
     * @param signature the signature bytes of a signature line
     * @return true when the signature is valid
     */
    public boolean verifies(String noteText, byte[] signature) {
        byte[] text = noteText.getBytes(StandardCharsets.UTF_8);
        if (type == ED25519) {
            return Ed25519.verify(publicKey, text, signature);
        }
        if (signature.length != 8 + Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        long timestamp = ByteBuffer.wrap(signature, 0, 8).getLong();
        return timestamp >= 0 && Ed25519.verify(publicKey, Cosignature.signedMessage(noteText, timestamp),
                                                Arrays.copyOfRange(signature, 8, signature.length));
    }

    /**
     * Whether a signature line names this key: same name and key ID.
     *
     * @param signature a signature line
     * @return true when it names this key
     */
    public boolean names(NoteSignature signature) {
        return signature.name().equals(name) && signature.keyId() == keyId;
    }

    /**
     * The key ID as eight lowercase hex digits, as in the text form.
     *
     * @return the hex key ID
     */
    public String keyIdHex() {
        return HexFormat.of().toHexDigits(keyId).toLowerCase(Locale.ROOT);
    }

    /**
     * The raw public key.
     *
     * @return a copy of its 32 bytes
     */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey key && key.name.equals(name) && key.keyId == keyId && key.type == type
                && Arrays.equals(key.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + keyId;
    }

    /** The standard text form, {@code name+keyid+base64(type || key)}. */
    @Override
    public String toString() {
        byte[] encoded = new byte[1 + publicKey.length];
        encoded[0] = (byte) type;
        System.arraycopy(publicKey, 0, encoded, 1, publicKey.length);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(encoded);
    }
}
