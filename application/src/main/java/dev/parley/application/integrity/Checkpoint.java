package dev.parley.application.integrity;

import java.nio.charset.StandardCharsets;

/**
 * A signed tree head: the size and RFC 6962 root of the event tree at a time, an Ed25519 signature over {@link
 * #signedText()}, and the public key that made it (X.509, base64).
 */
public record Checkpoint(long treeSize, String rootHash, String time, String publicKey, String signature) {

    /** Exactly the bytes that are signed. */
    public byte[] signedText() {
        return ("parley-checkpoint-v1\n" + treeSize + "\n" + rootHash + "\n" + time + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
