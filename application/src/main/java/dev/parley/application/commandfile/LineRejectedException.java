package dev.parley.application.commandfile;

import dev.parley.shared.api.DomainRuleException;

/** A line could not even be read into a command; carries the line's command name when it has one. */
public class LineRejectedException extends RuntimeException {

    private final String commandName;
    private final DomainRuleException reason;

    LineRejectedException(String commandName, DomainRuleException reason) {
        super(reason.getMessage(), reason, false, false);
        this.commandName = commandName;
        this.reason = reason;
    }

    public String commandName() {
        return commandName;
    }

    public DomainRuleException reason() {
        return reason;
    }
}
