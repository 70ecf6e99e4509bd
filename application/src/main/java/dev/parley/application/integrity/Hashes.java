package dev.parley.application.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 with RFC 6962 domain separation: 0x00 before a leaf's input, 0x01 before two child hashes. */
public final class Hashes {

    public static final int SIZE = 32;
    public static final byte[] NONE = new byte[SIZE];

    private Hashes() {
    }

    public static byte[] leaf(byte[] input) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(input);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

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
