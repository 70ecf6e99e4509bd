package dev.parley.application.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A checkpoint in the JSON form Parley wrote before checkpoints became C2SP signed notes: the size and hex root of the
 * event tree at a time, an Ed25519 signature over {@link #signedText()}, and the public key that made it (X.509,
 * base64). Still read and verified, never written.
 *
 * @param treeSize  the number of events
 * @param rootHash  the root hash, hex
 * @param time      when it was signed, ISO-8601
 * @param publicKey the signing public key, X.509, base64
 * @param signature the Ed25519 signature, base64
 */
public record LegacyCheckpoint(long treeSize, String rootHash, String time, String publicKey, String signature)
        implements SignedTreeHead {

    @Override
    public byte[] root() {
        try {
            byte[] root = Hashes.fromHex(rootHash);
            if (root.length == Hashes.SIZE) {
                return root;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a checkpoint: its rootHash is not 64 hex digits");
    }

    /**
     * Exactly the bytes that are signed.
     *
     * @return the signed bytes, UTF-8
     */
    public byte[] signedText() {
        return ("parley-checkpoint-v1\n" + treeSize + "\n" + rootHash + "\n" + time + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether the signature was made by the key the checkpoint names.
     *
     * @return true when the signature verifies
     */
    public boolean signatureValid() {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signedText());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /**
     * The raw 32-byte Ed25519 key of a public key in this form's encoding (base64 X.509).
     *
     * @param base64X509 the public key, X.509, base64
     * @return the raw key
     */
    public static byte[] rawPublicKey(String base64X509) {
        return Ed25519.rawPublicKey(Base64.getDecoder().decode(base64X509.strip()));
    }

    /**
     * The raw 32-byte Ed25519 public key, or null when {@link #publicKey()} is not one.
     *
     * @return the raw key, or null
     */
    public byte[] rawPublicKeyOrNull() {
        try {
            return Ed25519.rawPublicKey(Base64.getDecoder().decode(publicKey));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
