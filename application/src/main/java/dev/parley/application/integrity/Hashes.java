package dev.parley.application.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 with RFC 6962 domain separation: 0x00 before a leaf's input, 0x01 before two child hashes. */
public final class Hashes {

    /** The size of a hash in bytes. */
    public static final int SIZE = 32;
    /** 32 zero bytes: the previous leaf hash of a stream's first event. Do not write to it. */
    public static final byte[] NONE = new byte[SIZE];

    private Hashes() {
    }

    /**
     * The leaf hash of an input.
     *
     * @param input the leaf's input
     * @return {@code SHA-256(0x00 || input)}
     */
    public static byte[] leaf(byte[] input) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(input);
    }

    /**
     * The hash of an inner node.
     *
     * @param left the left child's hash
     * @param right the right child's hash
     * @return {@code SHA-256(0x01 || left || right)}
     */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    /**
     * A hash in lowercase hex.
     *
     * @param hash the hash
     * @return its hex digits
     */
    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /**
     * A hash from hex.
     *
     * @param hex hex digits
     * @return the bytes
     * @throws IllegalArgumentException if the text is not hex
     */
    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
