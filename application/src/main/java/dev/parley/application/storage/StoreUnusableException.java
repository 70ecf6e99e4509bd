package dev.parley.application.storage;

/** The store named by a JDBC URL cannot be opened, migrated or used. */
public class StoreUnusableException extends RuntimeException {

    /**
     * A store that cannot be used.
     *
     * @param message why
     * @param cause the underlying failure, or null
     */
    public StoreUnusableException(String message, Throwable cause) {
        super(message, cause);
    }
}
