package dev.parley.shared.api;

import java.util.Objects;

/**
 * A command broke a rule of the domain. Thrown before anything is applied, so a rejected command appends nothing.
 */
public class DomainRuleException extends RuntimeException {

    /** The error code of the broken rule. */
    private final ErrorCode code;

    /**
     * A broken rule without a stack trace: it is an answer to a command, not a fault in the code.
     *
     * @param code the error code of the rule, never null
     * @param message the sentence shown to whoever sent the command
     */
    public DomainRuleException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the error code of the broken rule */
    public ErrorCode code() {
        return code;
    }
}
