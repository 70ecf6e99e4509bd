package dev.parley.cli;

import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.KeySource;
import picocli.CommandLine.Option;

import java.io.Console;
import java.nio.file.Path;

/**
 * Where the store's signing key comes from, first match wins: {@code --keystore FILE} (a PKCS#12 keystore, its
 * password from the environment variable {@code --keystore-password-env} names, else asked on the terminal),
 * {@code --keys DIR}, the environment variables {@code PARLEY_SIGNING_KEY} (the key itself,
 * {@code PRIVATE+KEY+<origin>+<key ID>+<base64>}), {@code PARLEY_KEYSTORE} and {@code PARLEY_KEYS}; else the default
 * key directory of the store. Also {@code --origin}, the log's name in checkpoints.
 */
final class KeyOption {

    static final String SIGNING_KEY_VARIABLE = "PARLEY_SIGNING_KEY";

    @Option(names = "--keys", paramLabel = "DIR",
            description = "Directory of the store's Ed25519 key pair, made on first use (0600 in a 0700 directory; "
                    + "default: $PARLEY_KEYS, else where an earlier version made it beside an H2 store, else "
                    + "$XDG_CONFIG_HOME/parley/keys/<store>, by default under ~/.config).")
    Path directory;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "Sign with the Ed25519 key of this PKCS#12 keystore (default: $PARLEY_KEYSTORE).")
    Path keystore;

    @Option(names = "--keystore-alias", paramLabel = "ALIAS",
            description = "The keystore's entry to use (default: its only key).")
    String alias;

    @Option(names = "--keystore-password-env", paramLabel = "VARIABLE", defaultValue = "PARLEY_KEYSTORE_PASSWORD",
            description = "The environment variable holding the keystore's password (default: ${DEFAULT-VALUE}); "
                    + "when it is not set, the password is asked on the terminal.")
    String passwordVariable;

    @Option(names = "--origin", paramLabel = "NAME", defaultValue = "${env:PARLEY_ORIGIN}",
            description = "The log's origin, its name in checkpoints (default: $PARLEY_ORIGIN, else the store's own: "
                    + "that of its checkpoints, else the signing key's name, else parley/<hash of its key>).")
    String origin;

    KeySource resolve(String storeUrl) {
        Path keystoreFile = keystore != null ? keystore : pathFromEnvironment("PARLEY_KEYSTORE");
        if (keystore != null) {
            return KeySource.keystore(keystoreFile, password(keystoreFile), alias);
        }
        if (directory != null) {
            return KeySource.directory(directory);
        }
        String text = System.getenv(SIGNING_KEY_VARIABLE);
        if (text != null && !text.isBlank()) {
            return KeySource.text(text);
        }
        if (keystoreFile != null) {
            return KeySource.keystore(keystoreFile, password(keystoreFile), alias);
        }
        Path fromEnvironment = pathFromEnvironment("PARLEY_KEYS");
        return KeySource.directory(fromEnvironment != null ? fromEnvironment
                                           : Integrity.defaultKeyDirectory(storeUrl));
    }

    String originOrNull() {
        return origin == null || origin.isEmpty() ? null : origin;
    }

    private char[] password(Path file) {
        String fromEnvironment = System.getenv(passwordVariable);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new KeySource.KeyUnusableException("no password for the keystore " + file + ": set "
                                                             + passwordVariable + " or run on a terminal to be asked");
        }
        char[] typed = console.readPassword("Password of the keystore %s: ", file);
        if (typed == null) {
            throw new KeySource.KeyUnusableException("no password for the keystore " + file);
        }
        return typed;
    }

    private static Path pathFromEnvironment(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
