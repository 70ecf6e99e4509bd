package dev.parley.web.api;

import dev.parley.application.commandfile.Rejection;

/**
 * A rejected command in the contract's form: {@code {"line","command","code","message"}}.
 *
 * @param line    the command's line in the command file, from 1
 * @param command the line's command name, or null when the line has none
 * @param code    the error code of the rule it broke
 * @param message why it was rejected
 */
public record RejectionView(int line, String command, String code, String message) {

    /**
     * The view of {@code rejection}.
     *
     * @param rejection a command the runner rejected
     * @return the same rejection, its error code by name
     */
    public static RejectionView of(Rejection rejection) {
        return new RejectionView(rejection.line(), rejection.command(), rejection.code().name(), rejection.message());
    }
}
