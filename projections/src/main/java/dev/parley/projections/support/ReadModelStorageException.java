package dev.parley.projections.support;

/** A read model could not be read or written. */
public class ReadModelStorageException extends RuntimeException {

    /**
     * A failure to read or write a read model.
     *
     * @param message what could not be done
     * @param cause the database's or Jackson's exception
     */
    public ReadModelStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
