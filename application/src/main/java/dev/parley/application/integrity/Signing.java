package dev.parley.application.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/** The store's Ed25519 key pair (from the JDK), created on first use in a key directory, and checkpoint signatures. */
public final class Signing {

    private static final String PRIVATE = "parley-ed25519.private";
    private static final String PUBLIC = "parley-ed25519.public";

    private final Path directory;

    public Signing(Path directory) {
        this.directory = directory;
    }

    /** The public key of the store, or null when no key was made yet. */
    public String publicKeyOrNull() {
        Path file = directory.resolve(PUBLIC);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs a tree head with the store's key, making the key pair first if there is none. */
    public Checkpoint sign(long treeSize, byte[] root, Instant time) {
        try {
            KeyPair keys = keys();
            String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
            Checkpoint unsigned = new Checkpoint(treeSize, Hashes.hex(root), time.toString(), publicKey, null);
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(unsigned.signedText());
            return new Checkpoint(treeSize, unsigned.rootHash(), unsigned.time(), publicKey,
                                  Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    /** Whether the checkpoint's signature was made by the key it names. */
    public static boolean signatureValid(Checkpoint checkpoint) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(checkpoint.publicKey())));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(checkpoint.signedText());
            return signature.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private KeyPair keys() throws GeneralSecurityException {
        try {
            Path privateFile = directory.resolve(PRIVATE);
            Path publicFile = directory.resolve(PUBLIC);
            if (!Files.exists(privateFile)) {
                Files.createDirectories(directory);
                KeyPair made = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Files.writeString(privateFile, Base64.getEncoder().encodeToString(made.getPrivate().getEncoded()));
                Files.writeString(publicFile, Base64.getEncoder().encodeToString(made.getPublic().getEncoded()));
                return made;
            }
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(Files.readString(privateFile).strip())));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(Files.readString(publicFile).strip())));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the signing key in " + directory, e);
        }
    }
}
