package dev.parley.application.commandfile;

/** A command file could not be read at all, or the run could not go on. */
public class CommandFileException extends RuntimeException {

    public CommandFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
