package dev.parley.application.cli;

import dev.parley.application.storage.Store;
import picocli.CommandLine.Option;

/** {@code --store <jdbc-url>}, also set by the environment variable {@code PARLEY_STORE}. */
final class StoreOption {

    @Option(names = "--store", paramLabel = "<jdbc-url>", defaultValue = "${env:PARLEY_STORE}",
            description = "JDBC URL of the store (default: $PARLEY_STORE, else " + Store.DEFAULT_URL + ").")
    String url;

    /** The URL given by option or environment, else {@code fallback}. */
    String urlOr(String fallback) {
        return url == null || url.isBlank() ? fallback : url;
    }
}
