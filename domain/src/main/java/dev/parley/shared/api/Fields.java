package dev.parley.shared.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import static dev.parley.shared.api.ErrorCode.INVALID_COMMAND;

/**
 * Field checks for the compact constructors of commands: a missing, blank or malformed field is
 * {@link ErrorCode#INVALID_COMMAND}.
 */
public final class Fields {

    private Fields() {
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required and may not be blank");
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    /** A required list of non-blank, distinct strings; it may be empty. */
    public static List<String> texts(List<String> values, String field) {
        present(values, field);
        values.forEach(value -> text(value, field + " entry"));
        if (new HashSet<>(values).size() != values.size()) {
            throw invalid(field + " may not name the same entry twice");
        }
        return List.copyOf(values);
    }

    /** A required list of non-blank, distinct strings with at least {@code minimum} entries. */
    public static List<String> texts(List<String> values, String field, int minimum) {
        List<String> checked = texts(values, field);
        if (checked.size() < minimum) {
            throw invalid(field + " needs at least " + minimum + " entr" + (minimum == 1 ? "y" : "ies"));
        }
        return checked;
    }

    public static <T> List<T> distinct(List<T> values, String field) {
        present(values, field);
        values.forEach(value -> present(value, field + " entry"));
        if (new HashSet<>(values).size() != values.size()) {
            throw invalid(field + " may not name the same entry twice");
        }
        return List.copyOf(values);
    }

    public static DomainRuleException invalid(String message) {
        return new DomainRuleException(INVALID_COMMAND, message);
    }

    public static boolean sameEntries(List<String> left, List<String> right) {
        return Objects.equals(new HashSet<>(left), new HashSet<>(right));
    }
}
