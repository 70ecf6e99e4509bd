package dev.parley.application.commandfile;

import dev.parley.shared.api.DomainRuleException;

/** A line could not even be read into a command; carries the line's command name when it has one. */
public class LineRejectedException extends RuntimeException {

    /** The command name the line gives, or null. */
    private final String commandName;
    /** Why the line was rejected. */
    private final DomainRuleException reason;

    LineRejectedException(String commandName, DomainRuleException reason) {
        super(reason.getMessage(), reason, false, false);
        this.commandName = commandName;
        this.reason = reason;
    }

    /**
     * The command name the line gives.
     *
     * @return the name, or null when it gives none
     */
    public String commandName() {
        return commandName;
    }

    /**
     * Why the line was rejected.
     *
     * @return the broken rule, with its error code
     */
    public DomainRuleException reason() {
        return reason;
    }
}
