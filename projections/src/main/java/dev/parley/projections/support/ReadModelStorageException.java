package dev.parley.projections.support;

/** A read model could not be read or written. */
public class ReadModelStorageException extends RuntimeException {

    public ReadModelStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
