package dev.parley.application.commandfile;

import dev.parley.shared.api.ErrorCode;

/**
 * A line that was not applied. {@code command} is the line's command name, or null when the line has none. Its JSON
 * form has the keys of the contract: line, command, code, message.
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
