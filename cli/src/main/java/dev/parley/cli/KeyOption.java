package dev.parley.cli;

import dev.parley.application.integrity.Integrity;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --keys DIR}: where the store's signing key lives; by default beside an H2 store's file, else ./parley-data. */
final class KeyOption {

    @Option(names = "--keys", paramLabel = "DIR", defaultValue = "${env:PARLEY_KEYS}",
            description = "Directory of the store's Ed25519 key pair (default: $PARLEY_KEYS, else the H2 store's "
                    + "directory, else ./parley-data). Made on first use.")
    Path directory;

    Path resolve(String storeUrl) {
        return directory != null ? directory : Integrity.defaultKeyDirectory(storeUrl);
    }
}
