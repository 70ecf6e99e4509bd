package dev.parley.projections.status;

/** The status read model could not be read or written. */
public class StatusStorageException extends RuntimeException {

    StatusStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
