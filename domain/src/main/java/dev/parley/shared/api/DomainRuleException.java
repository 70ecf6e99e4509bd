package dev.parley.shared.api;

import java.util.Objects;

/**
 * A command broke a rule of the domain. Thrown before anything is applied, so a rejected command appends nothing.
 */
public class DomainRuleException extends RuntimeException {

    private final ErrorCode code;

    public DomainRuleException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
