package dev.parley.application.cli;

import dev.parley.application.Parley;
import dev.parley.application.storage.Store;
import picocli.CommandLine.Option;

/** {@code --store <jdbc-url>}, also set by the environment variable {@code PARLEY_STORE}. */
final class StoreOption {

    @Option(names = "--store", paramLabel = "<jdbc-url>", defaultValue = "${env:PARLEY_STORE}",
            description = "JDBC URL of the store (default: $PARLEY_STORE, else " + Store.DEFAULT_URL + ").")
    String url;

    /** Opens the store, waits until its read models are up to date, and asks them one typed query. */
    <R> R ask(Object query, Class<R> answer) throws Exception {
        try (Parley parley = Parley.open(urlOr(Store.DEFAULT_URL))) {
            parley.awaitReadModels(StatusCommand.CATCH_UP);
            return parley.queries().query(query, answer).get();
        }
    }

    /** The URL given by option or environment, else {@code fallback}. */
    String urlOr(String fallback) {
        return url == null || url.isBlank() ? fallback : url;
    }
}
