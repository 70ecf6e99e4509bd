package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.storage.Store;
import dev.parley.application.storage.StoreUrls;
import picocli.CommandLine.Option;

/**
 * {@code --store <jdbc-url>}, also set by the environment variable {@code PARLEY_STORE}, and
 * {@code --allow-unsafe-store-settings}. Every command opens its store through {@link #urlOr}, so a URL that is empty
 * or carries settings that could run code is refused in one place.
 */
final class StoreOption {

    @Option(names = "--store", paramLabel = "<jdbc-url>", defaultValue = "${env:PARLEY_STORE}",
            description = "JDBC URL of the store (default: $PARLEY_STORE, else " + Store.DEFAULT_URL + ").")
    String url;

    @Option(names = "--allow-unsafe-store-settings",
            description = "Open a store URL even with settings that can run code or write files (H2's INIT, "
                    + "DATABASE_EVENT_LISTENER and the like); only for a URL you trust.")
    boolean allowUnsafeSettings;

    /** Opens the store, waits until its read models are up to date, and asks them one typed query. */
    <R> R ask(Object query, Class<R> answer) throws Exception {
        try (Parley parley = Parley.open(urlOr(Store.DEFAULT_URL))) {
            parley.awaitReadModels(StatusCommand.CATCH_UP);
            return parley.queries().query(query, answer).get();
        }
    }

    /** Whether a URL was given by option or environment. */
    boolean given() {
        return url != null;
    }

    /**
     * The URL given by option or environment, else {@code fallback}.
     *
     * @throws dev.parley.application.storage.StoreUnusableException when the URL given is empty or unsafe
     */
    String urlOr(String fallback) {
        if (url == null) {
            return fallback;
        }
        StoreUrls.requireSafe(url, allowUnsafeSettings);
        return url;
    }
}
