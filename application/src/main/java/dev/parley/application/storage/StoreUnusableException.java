package dev.parley.application.storage;

/** The store named by a JDBC URL cannot be opened, migrated or used. */
public class StoreUnusableException extends RuntimeException {

    public StoreUnusableException(String message, Throwable cause) {
        super(message, cause);
    }
}
