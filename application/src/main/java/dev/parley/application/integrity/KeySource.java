package dev.parley.application.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Where a store's Ed25519 signing key comes from: a key directory (made on first use, the private key file 0600 in a
 * 0700 directory, refused when other users may read it), a PKCS#12 keystore, or a key given as text in
 * golang.org/x/mod/sumdb/note's private key form. Keys are read only when needed, so verifying needs only the public
 * key.
 */
public abstract sealed class KeySource {

    /** The key files of a key directory; the names of earlier versions, which wrote them beside an H2 store. */
    public static final String PRIVATE_FILE = "parley-ed25519.private";
    /** The public key file of a key directory. */
    public static final String PUBLIC_FILE = "parley-ed25519.public";

    private KeySource() {
    }

    /**
     * The key pair in {@code directory} ({@value #PRIVATE_FILE}: PKCS#8, {@value #PUBLIC_FILE}: X.509, base64).
     *
     * @param directory the key directory; made, with a new key, when missing
     * @return the source
     */
    public static KeySource directory(Path directory) {
        return new Directory(directory);
    }

    /**
     * The Ed25519 key of a PKCS#12 keystore (as {@code keytool -genkeypair -keyalg Ed25519 -storetype PKCS12} makes
     * it), under {@code alias}, or its only key entry when {@code alias} is null.
     *
     * @param file the keystore
     * @param password its password
     * @param alias the key entry's alias, or null
     * @return the source
     */
    public static KeySource keystore(Path file, char[] password, String alias) {
        return new Keystore(file, password.clone(), alias);
    }

    /**
     * A key given as text, {@code PRIVATE+KEY+<name>+<key ID>+<base64>}; its name is its log's origin.
     *
     * @param privateKey the key's text form, a secret
     * @return the source
     */
    public static KeySource text(String privateKey) {
        NoteSigningKey key;
        try {
            key = NoteSigningKey.parse(privateKey.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyUnusableException("the signing key given as text is " + e.getMessage());
        }
        if (key.type() != VerifierKey.ED25519) {
            throw new KeyUnusableException("the signing key given as text is a witness key (type 0x04), not a log "
                                                   + "key (type 0x01)");
        }
        return new Text(key);
    }

    /**
     * The raw 32-byte public key, or null when there is no key yet (a key directory not yet made).
     *
     * @return the public key, or null
     */
    public abstract byte[] publicKeyOrNull();

    /**
     * The signing key under {@code name}, made first when the source makes keys and has none.
     *
     * @param name the log's origin
     * @return the signing key
     * @throws KeyUnusableException if the key cannot be used
     */
    public abstract NoteSigningKey signingKey(String name);

    /**
     * The name the key carries (a text key's), or null.
     *
     * @return the name, or null
     */
    public String nameOrNull() {
        return null;
    }

    /**
     * Where the key is, for messages.
     *
     * @return a path, or a description of the key given as text
     */
    public abstract String describe();

    /** A key that cannot be used: unreadable, readable by others, of the wrong kind. The message says why. */
    public static final class KeyUnusableException extends RuntimeException {
        /**
         * A key that cannot be used.
         *
         * @param message why
         */
        public KeyUnusableException(String message) {
            super(message);
        }

        KeyUnusableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Directory extends KeySource {
        private final Path directory;

        Directory(Path directory) {
            this.directory = directory;
        }

        @Override
        public byte[] publicKeyOrNull() {
            Path file = directory.resolve(PUBLIC_FILE);
            if (!Files.exists(file)) {
                return null;
            }
            try {
                return Ed25519.rawPublicKey(Base64.getDecoder().decode(Files.readString(file,
                                                                                        StandardCharsets.US_ASCII)
                                                                               .strip()));
            } catch (IOException e) {
                throw new KeyUnusableException("cannot read the public key " + file + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new KeyUnusableException("the public key " + file + " is not an Ed25519 key in base64");
            }
        }

        @Override
        public NoteSigningKey signingKey(String name) {
            Path privateFile = directory.resolve(PRIVATE_FILE);
            Path publicFile = directory.resolve(PUBLIC_FILE);
            try {
                if (!Files.exists(privateFile)) {
                    return make(name, privateFile, publicFile);
                }
                refuseIfOthersMayRead(privateFile);
                byte[] seed = Ed25519.seed(Base64.getDecoder().decode(Files.readString(privateFile,
                                                                                       StandardCharsets.US_ASCII)
                                                                              .strip()));
                byte[] publicKey = publicKeyOrNull();
                if (publicKey == null) {
                    publicKey = Ed25519.publicKeyOf(seed);
                }
                return NoteSigningKey.of(name, VerifierKey.ED25519, seed, publicKey);
            } catch (IOException e) {
                throw new KeyUnusableException("cannot read or make the signing key in " + directory + ": "
                                                       + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new KeyUnusableException("the private key " + privateFile + " is not an Ed25519 key in base64 "
                                                       + "PKCS#8");
            }
        }

        private NoteSigningKey make(String name, Path privateFile, Path publicFile) throws IOException {
            NoteSigningKey made = NoteSigningKey.generate(name, VerifierKey.ED25519);
            Files.createDirectories(directory, Posix.ownerOnlyDirectory());
            Posix.restrictDirectoryIfNew(directory);
            byte[] seed = made.seed();
            Path temporary = Files.createTempFile(directory, ".parley-key-", ".tmp", Posix.ownerOnlyFile());
            try {
                Files.writeString(temporary, Base64.getEncoder().encodeToString(Ed25519.pkcs8(seed)),
                                  StandardCharsets.US_ASCII);
                Files.writeString(publicFile, Base64.getEncoder().encodeToString(
                        Ed25519.x509(made.verifierKey().publicKey())), StandardCharsets.US_ASCII);
                Files.move(temporary, privateFile);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return made;
        }

        @Override
        public String describe() {
            return "the key directory " + directory;
        }
    }

    private static final class Keystore extends KeySource {
        private final Path file;
        private final char[] password;
        private final String alias;
        private NoteSigningKey loaded;

        Keystore(Path file, char[] password, String alias) {
            this.file = file;
            this.password = password;
            this.alias = alias;
        }

        @Override
        public byte[] publicKeyOrNull() {
            return load().verifierKey().publicKey();
        }

        @Override
        public NoteSigningKey signingKey(String name) {
            return load().named(name);
        }

        private NoteSigningKey load() {
            if (loaded != null) {
                return loaded;
            }
            KeyStore store;
            try (InputStream in = Files.newInputStream(file)) {
                store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
            } catch (IOException e) {
                if (e.getCause() instanceof java.security.UnrecoverableKeyException
                        || String.valueOf(e.getMessage()).contains("password")) {
                    throw new KeyUnusableException("cannot open the keystore " + file + ": wrong password", e);
                }
                throw new KeyUnusableException("cannot read the keystore " + file + ": " + e.getMessage(), e);
            } catch (GeneralSecurityException e) {
                throw new KeyUnusableException("cannot read the keystore " + file + ": " + e.getMessage(), e);
            }
            try {
                String entry = alias != null ? alias : onlyKeyAlias(store);
                Key key = store.getKey(entry, password);
                Certificate certificate = store.getCertificate(entry);
                if (key == null || certificate == null) {
                    throw new KeyUnusableException("the keystore " + file + " has no key entry " + entry);
                }
                if (!"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())) {
                    throw new KeyUnusableException("the key " + entry + " of the keystore " + file + " is "
                                                           + key.getAlgorithm() + ", not Ed25519");
                }
                byte[] seed = Ed25519.seed(key.getEncoded());
                byte[] publicKey = Ed25519.rawPublicKey(certificate.getPublicKey().getEncoded());
                loaded = NoteSigningKey.of("parley", VerifierKey.ED25519, seed, publicKey);
                return loaded;
            } catch (GeneralSecurityException e) {
                throw new KeyUnusableException("cannot read the key of the keystore " + file + ": " + e.getMessage(),
                                               e);
            } catch (IllegalArgumentException e) {
                throw new KeyUnusableException("the key of the keystore " + file + " is not an Ed25519 key");
            }
        }

        private String onlyKeyAlias(KeyStore store) throws GeneralSecurityException {
            List<String> keys = new ArrayList<>();
            for (String entry : Collections.list(store.aliases())) {
                if (store.isKeyEntry(entry)) {
                    keys.add(entry);
                }
            }
            if (keys.size() != 1) {
                throw new KeyUnusableException("the keystore " + file + " holds " + keys.size() + " keys; name one "
                                                       + "with --keystore-alias");
            }
            return keys.get(0);
        }

        @Override
        public String describe() {
            return "the keystore " + file;
        }
    }

    private static final class Text extends KeySource {
        private final NoteSigningKey key;

        Text(NoteSigningKey key) {
            this.key = key;
        }

        @Override
        public byte[] publicKeyOrNull() {
            return key.verifierKey().publicKey();
        }

        @Override
        public NoteSigningKey signingKey(String name) {
            return key.named(name);
        }

        @Override
        public String nameOrNull() {
            return key.name();
        }

        @Override
        public String describe() {
            return "the signing key " + key.verifierKey();
        }
    }

    /**
     * Refuses a private key file that its group or other users may read or write (POSIX file systems only).
     *
     * @param file the private key file
     * @throws IOException if its permissions cannot be read
     * @throws KeyUnusableException if others may read or write it
     */
    public static void refuseIfOthersMayRead(Path file) throws IOException {
        if (!Posix.supported()) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new KeyUnusableException("the private key " + file + " is readable by other users (mode "
                                                   + PosixFilePermissions.toString(permissions)
                                                   + "): make it private with chmod 600 " + file);
        }
    }

    /** POSIX permissions where the file system has them. */
    static final class Posix {
        private Posix() {
        }

        static boolean supported() {
            return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        }

        static java.nio.file.attribute.FileAttribute<?>[] ownerOnlyDirectory() {
            return supported() ? new java.nio.file.attribute.FileAttribute<?>[]{
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                    : new java.nio.file.attribute.FileAttribute<?>[0];
        }

        static java.nio.file.attribute.FileAttribute<?>[] ownerOnlyFile() {
            return supported() ? new java.nio.file.attribute.FileAttribute<?>[]{
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new java.nio.file.attribute.FileAttribute<?>[0];
        }

        /** The key directory itself is 0700 even when it existed empty (made by someone else, say). */
        static void restrictDirectoryIfNew(Path directory) throws IOException {
            if (supported()) {
                try (var entries = Files.list(directory)) {
                    if (entries.findAny().isEmpty()) {
                        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
                    }
                }
            }
        }
    }

}
