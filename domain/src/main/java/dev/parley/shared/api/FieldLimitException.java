package dev.parley.shared.api;

/**
 * A field lies beyond one of the contract's limits (DOMAIN.md, "Limits": lengths, list sizes, the years 1900 to 9999,
 * valid Unicode, counts up to a million, rounds up to 10,000). Versions before the limits accepted such fields, so a
 * reader of stored history can tell them from rules every version kept.
 */
public class FieldLimitException extends DomainRuleException {

    /**
     * A field beyond a limit.
     *
     * @param code the error code, {@link ErrorCode#INVALID_COMMAND} or {@link ErrorCode#INVALID_COUNT}
     * @param message the sentence naming the field and its limit
     */
    public FieldLimitException(ErrorCode code, String message) {
        super(code, message);
    }
}
