package dev.parley.application.commandfile;

/** A command file could not be read at all, or the run could not go on. */
public class CommandFileException extends RuntimeException {

    /**
     * A file or run that could not go on.
     *
     * @param message what went wrong, naming the line when there is one
     * @param cause the underlying failure, or null
     */
    public CommandFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
