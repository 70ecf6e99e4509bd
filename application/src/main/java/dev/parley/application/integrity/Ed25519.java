package dev.parley.application.integrity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) from the JDK, on raw keys: the 32-byte public key and the 32-byte private seed that signed
 * notes use, converted to and from the X.509 and PKCS#8 encodings the JDK reads.
 */
final class Ed25519 {

    static final int KEY_SIZE = 32;
    static final int SIGNATURE_SIZE = 64;

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519() {
    }

    /** The raw public key inside an X.509 SubjectPublicKeyInfo of an Ed25519 key. */
    static byte[] rawPublicKey(byte[] x509) {
        if (x509.length != X509_PREFIX.length + KEY_SIZE
                || !Arrays.equals(x509, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(x509, X509_PREFIX.length, x509.length);
    }

    /** The 32-byte seed inside a PKCS#8 PrivateKeyInfo of an Ed25519 key (the form the JDK writes). */
    static byte[] seed(byte[] pkcs8) {
        if (pkcs8.length < PKCS8_PREFIX.length + KEY_SIZE
                || !Arrays.equals(pkcs8, 0, PKCS8_PREFIX.length - 4, PKCS8_PREFIX, 0, PKCS8_PREFIX.length - 4)) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        // A PKCS#8 v2 key may carry its public key after the seed; the seed comes first either way.
        return Arrays.copyOfRange(pkcs8, PKCS8_PREFIX.length, PKCS8_PREFIX.length + KEY_SIZE);
    }

    /** The PKCS#8 encoding of a seed, as the JDK writes an Ed25519 private key. */
    static byte[] pkcs8(byte[] seed) {
        checkSize(seed, "private key");
        return concat(PKCS8_PREFIX, seed);
    }

    /** The X.509 SubjectPublicKeyInfo of a raw public key. */
    static byte[] x509(byte[] raw) {
        checkSize(raw, "public key");
        return concat(X509_PREFIX, raw);
    }

    static PublicKey publicKey(byte[] raw) {
        checkSize(raw, "public key");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(byte[] seed) {
        checkSize(seed, "private key");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX,
                                                                                                        seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /**
     * The public key of a seed. The JDK has no call for it, but its key pair generator derives the key pair from 32
     * bytes of its random source (RFC 8032, 5.1.5), so a source that yields exactly the seed gives its key pair.
     */
    static byte[] publicKeyOf(byte[] seed) {
        checkSize(seed, "private key");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] derivedSeed = seed(pair.getPrivate().getEncoded());
            if (!Arrays.equals(derivedSeed, seed)) {
                throw new IllegalStateException("the JDK's Ed25519 key pair generator did not use the seed given");
            }
            return rawPublicKey(pair.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519: " + e.getMessage(), e);
        }
    }

    /** A new random seed. */
    static byte[] newSeed() {
        try {
            return seed(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519: " + e.getMessage(), e);
        }
    }

    static byte[] sign(byte[] seed, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey(seed));
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != KEY_SIZE || signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(publicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void checkSize(byte[] key, String what) {
        if (key == null || key.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 " + what + " is " + KEY_SIZE + " bytes");
        }
    }

    /** A random source that yields one seed, once. */
    private static final class SeedSource extends SecureRandom {
        private final byte[] seed;
        private boolean used;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("the seed is " + seed.length + " bytes, asked for " + bytes.length);
            }
            used = true;
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
