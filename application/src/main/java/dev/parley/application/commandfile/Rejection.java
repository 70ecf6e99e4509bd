package dev.parley.application.commandfile;

import dev.parley.shared.api.ErrorCode;

/**
 * A line that was not applied. {@code command} is the line's command name, or null when the line has none. Its JSON
 * form has the keys of the contract: line, command, code, message.
 *
 * @param line the line's number, from 1
 * @param command the line's command name, or null
 * @param code the error code
 * @param message why the line was rejected
 */
public record Rejection(int line, String command, ErrorCode code, String message) {

    /**
     * The text form of the contract: {@code line N: <command>: <CODE>: <message>}.
     *
     * @return the line
     */
    public String toText() {
        return "line " + line + ": " + (command == null ? "?" : command) + ": " + code + ": " + message;
    }
}
