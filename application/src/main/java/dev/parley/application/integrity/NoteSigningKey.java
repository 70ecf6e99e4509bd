package dev.parley.application.integrity;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A named Ed25519 signing key, as a log (type {@code 0x01}) or a witness (type {@code 0x04}) uses it. Its text form
 * is golang.org/x/mod/sumdb/note's private key, {@code PRIVATE+KEY+<name>+<hex key ID>+base64(type || 32-byte
 * seed)}, whose key ID is that of the verifier key.
 */
public final class NoteSigningKey {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final int type;
    private final byte[] seed;
    private final VerifierKey verifierKey;

    private NoteSigningKey(String name, int type, byte[] seed, byte[] publicKey) {
        this.name = name;
        this.type = type;
        this.seed = seed.clone();
        this.verifierKey = VerifierKey.of(name, type, publicKey);
    }

    /**
     * The key of {@code name} with this seed; its public key is derived from the seed.
     *
     * @param name the key's name
     * @param type {@link VerifierKey#ED25519} or {@link VerifierKey#COSIGNATURE_V1}
     * @param seed the 32-byte Ed25519 seed
     * @return the key
     */
    public static NoteSigningKey of(String name, int type, byte[] seed) {
        return new NoteSigningKey(name, type, seed, Ed25519.publicKeyOf(seed));
    }

    /** The key of {@code name} with a seed and its known public key (as a key file or keystore holds them). */
    static NoteSigningKey of(String name, int type, byte[] seed, byte[] publicKey) {
        return new NoteSigningKey(name, type, seed, publicKey);
    }

    /**
     * A new random key.
     *
     * @param name the key's name
     * @param type {@link VerifierKey#ED25519} or {@link VerifierKey#COSIGNATURE_V1}
     * @return the key
     */
    public static NoteSigningKey generate(String name, int type) {
        return of(name, type, Ed25519.newSeed());
    }

    /**
     * Parses the text form, refusing a key whose key ID does not hold over its name and public key.
     *
     * @param text {@code PRIVATE+KEY+<name>+<hex key ID>+<base64>}
     * @return the key
     * @throws IllegalArgumentException if the text is not such a key, or its key ID does not match
     */
    public static NoteSigningKey parse(String text) {
        String invalid = "not a signing key (PRIVATE+KEY+name+keyid+base64key)";
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException(invalid);
        }
        String rest = text.substring(PREFIX.length());
        int first = rest.indexOf('+');
        int second = first < 0 ? -1 : rest.indexOf('+', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException(invalid);
        }
        String name = rest.substring(0, first);
        String hex = rest.substring(first + 1, second);
        byte[] key;
        try {
            key = Base64.getDecoder().decode(rest.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(invalid);
        }
        if (!NoteSignature.validName(name) || hex.length() != 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                || key.length != 1 + Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException(invalid);
        }
        int type = key[0] & 0xff;
        if (type != VerifierKey.ED25519 && type != VerifierKey.COSIGNATURE_V1) {
            throw new IllegalArgumentException(invalid + " (unknown signature type " + type + ")");
        }
        NoteSigningKey parsed = of(name, type, Arrays.copyOfRange(key, 1, key.length));
        if (parsed.verifierKey.keyId() != (int) Long.parseLong(hex, 16)) {
            throw new IllegalArgumentException(invalid + " (its key ID does not match)");
        }
        return parsed;
    }

    /**
     * The key's name, which its signature lines carry.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The signature type.
     *
     * @return {@link VerifierKey#ED25519} or {@link VerifierKey#COSIGNATURE_V1}
     */
    public int type() {
        return type;
    }

    /** The 32-byte seed, for a key file. */
    byte[] seed() {
        return seed.clone();
    }

    /**
     * The public half, to verify this key's signatures.
     *
     * @return the verifier key
     */
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /**
     * The same key under another name (a log key takes its log's origin as its name).
     *
     * @param otherName the new name
     * @return the renamed key, with the key ID of the new name
     */
    public NoteSigningKey named(String otherName) {
        return new NoteSigningKey(otherName, type, seed, verifierKey.publicKey());
    }

    /**
     * The signature line of an Ed25519 note key over {@code text}.
     *
     * @param text the note text
     * @return the signature line
     * @throws IllegalStateException if this is a witness key
     */
    public NoteSignature sign(String text) {
        requireType(VerifierKey.ED25519);
        return new NoteSignature(name, verifierKey.keyId(),
                                 Ed25519.sign(seed, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * The {@code cosignature/v1} line of a witness key over a checkpoint's text, made at {@code timestamp}.
     *
     * @param checkpointText the checkpoint's note text
     * @param timestamp the cosignature's time, in seconds since the epoch
     * @return the cosignature line
     * @throws IllegalStateException if this is not a witness key
     */
    public NoteSignature cosign(String checkpointText, long timestamp) {
        requireType(VerifierKey.COSIGNATURE_V1);
        byte[] signature = Ed25519.sign(seed, Cosignature.signedMessage(checkpointText, timestamp));
        return new NoteSignature(name, verifierKey.keyId(),
                                 ByteBuffer.allocate(8 + signature.length).putLong(timestamp).put(signature).array());
    }

    /**
     * Signs a note text into a signed note.
     *
     * @param text the note text
     * @return the note with this key's signature line
     * @throws IllegalStateException if this is a witness key
     */
    public SignedNote signNote(String text) {
        return new SignedNote(text, java.util.List.of(sign(text)));
    }

    /**
     * The text form; a secret.
     *
     * @return {@code PRIVATE+KEY+<name>+<hex key ID>+<base64>}
     */
    public String format() {
        byte[] key = new byte[1 + seed.length];
        key[0] = (byte) type;
        System.arraycopy(seed, 0, key, 1, seed.length);
        return PREFIX + name + "+" + HexFormat.of().toHexDigits(verifierKey.keyId()) + "+"
                + Base64.getEncoder().encodeToString(key);
    }

    private void requireType(int wanted) {
        if (type != wanted) {
            throw new IllegalStateException("the key " + name + " is of signature type " + type + ", not " + wanted);
        }
    }

    @Override
    public String toString() {
        return "signing key " + verifierKey;
    }
}
