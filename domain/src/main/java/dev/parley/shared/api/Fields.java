package dev.parley.shared.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import static dev.parley.shared.api.ErrorCode.INVALID_COMMAND;
import static dev.parley.shared.api.ErrorCode.INVALID_COUNT;

/**
 * Field checks for the compact constructors of commands, with the limits of the contract (DOMAIN.md, "Limits"): a
 * missing, blank, malformed or oversized field is {@link ErrorCode#INVALID_COMMAND}. Every limit is checked where the
 * field is built, so a dry run, a run, a fork, a Java call and an import agree, and every accepted history can be
 * stored, exported, imported and displayed.
 * <p>
 * Lengths count Unicode code points. Identifiers are kept exactly as given, not normalised: {@code café} written
 * with a combining accent is another id than with a precomposed {@code é}.
 */
public final class Fields {

    /** Longest identifier (negotiation, incident, framework id, branch name). */
    public static final int MAX_ID_LENGTH = 200;
    /** Longest party, side or mediator code. */
    public static final int MAX_CODE_LENGTH = 32;
    /** Longest free text (venue, title, terms, description, source, actor, …). */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** Most entries in any list field. */
    public static final int MAX_LIST_SIZE = 100;
    /** Most killed or wounded in one casualty report. */
    public static final int MAX_COUNT = 1_000_000;
    /** Highest round number. */
    public static final int MAX_ROUND = 10_000;
    /** Earliest time accepted: 1900-01-01T00:00:00Z. */
    public static final Instant EARLIEST = LocalDate.of(1900, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** First time no longer accepted: 10000-01-01T00:00:00Z. */
    public static final Instant END = LocalDate.of(10000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private Fields() {
    }

    /**
     * Required free text: non-blank, valid Unicode, at most {@value #MAX_TEXT_LENGTH} code points.
     *
     * @param value the text
     * @param field the field's name, for the message
     * @return {@code value}
     * @throws DomainRuleException if it is missing, blank or beyond a limit
     */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required and may not be blank");
        }
        requireValidUnicode(value, field);
        requireLength(value, field, MAX_TEXT_LENGTH);
        return value;
    }

    /**
     * A required identifier: 1 to {@value #MAX_ID_LENGTH} code points of valid Unicode, without control or bidi
     * characters, and not made only of spaces and invisible characters.
     *
     * @param value the identifier
     * @param field the field's name, for the message
     * @return {@code value}
     * @throws DomainRuleException if it breaks one of these rules
     */
    public static String id(String value, String field) {
        return name(value, field, MAX_ID_LENGTH);
    }

    /**
     * A required party, side or mediator code: the rules of {@link #id} with at most {@value #MAX_CODE_LENGTH}.
     *
     * @param value the code
     * @param field the field's name, for the message
     * @return {@code value}
     * @throws DomainRuleException if it breaks one of these rules
     */
    public static String code(String value, String field) {
        return name(value, field, MAX_CODE_LENGTH);
    }

    /**
     * A required time within the years 1900 to 9999 (UTC).
     *
     * @param value the time
     * @param field the field's name, for the message
     * @return {@code value}
     * @throws DomainRuleException if it is missing or outside those years
     */
    public static Instant time(Instant value, String field) {
        present(value, field);
        if (!isInRange(value)) {
            throw beyondLimit(outOfRange(field, value));
        }
        return value;
    }

    /**
     * Whether a time lies within the years 1900 to 9999 (UTC).
     *
     * @param value a time, not null
     * @return true from {@link #EARLIEST} up to, not including, {@link #END}
     */
    public static boolean isInRange(Instant value) {
        return !value.isBefore(EARLIEST) && value.isBefore(END);
    }

    /**
     * The sentence for a time outside the accepted years.
     *
     * @param field the field's name
     * @param value the time it held
     * @return the message
     */
    public static String outOfRange(String field, Instant value) {
        return field + " " + value + " is outside the accepted years 1900 to 9999";
    }

    /**
     * A casualty count: 0 to {@value #MAX_COUNT}, else {@link ErrorCode#INVALID_COUNT}.
     *
     * @param value the count
     * @param field the field's name, for the message
     * @return {@code value}
     * @throws DomainRuleException if it is negative or above the limit
     */
    public static int count(int value, String field) {
        if (value < 0) {
            throw new DomainRuleException(INVALID_COUNT, field + " must be 0 to " + MAX_COUNT + ", was " + value);
        }
        if (value > MAX_COUNT) {
            throw new FieldLimitException(INVALID_COUNT, field + " must be 0 to " + MAX_COUNT + ", was " + value);
        }
        return value;
    }

    /**
     * A round number: 1 to {@value #MAX_ROUND}.
     *
     * @param value the round number
     * @return {@code value}
     * @throws DomainRuleException if it is below 1 or above the limit
     */
    public static int round(int value) {
        if (value < 1) {
            throw invalid("round must be 1 to " + MAX_ROUND + ", was " + value);
        }
        if (value > MAX_ROUND) {
            throw beyondLimit("round must be 1 to " + MAX_ROUND + ", was " + value);
        }
        return value;
    }

    /**
     * A required value of any type, checked only for presence.
     *
     * @param value the value
     * @param field the field's name, for the message
     * @param <T> the value's type
     * @return {@code value}
     * @throws DomainRuleException if it is null
     */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    /**
     * A required list of distinct free texts; it may be empty.
     *
     * @param values the texts, each checked as {@link #text}
     * @param field the field's name, for the message
     * @return an unmodifiable copy
     * @throws DomainRuleException if the list is missing, too long, repeats an entry or holds an invalid one
     */
    public static List<String> texts(List<String> values, String field) {
        List<String> checked = textsAllowingRepeats(values, field);
        requireDistinct(checked, field);
        return checked;
    }

    /**
     * A required list of free texts that may repeat; it may be empty.
     *
     * @param values the texts, each checked as {@link #text}
     * @param field the field's name, for the message
     * @return an unmodifiable copy
     * @throws DomainRuleException if the list is missing, too long or holds an invalid entry
     */
    public static List<String> textsAllowingRepeats(List<String> values, String field) {
        list(values, field).forEach(value -> text(value, field + " entry"));
        return List.copyOf(values);
    }

    /**
     * A required list of distinct codes (parties, sides, mediators) with at least {@code minimum} entries.
     *
     * @param values the codes, each checked as {@link #code}
     * @param field the field's name, for the message
     * @param minimum the fewest entries accepted
     * @return an unmodifiable copy
     * @throws DomainRuleException if the list is missing, too short, too long, repeats a code or holds an invalid one
     */
    public static List<String> codes(List<String> values, String field, int minimum) {
        list(values, field).forEach(value -> code(value, field + " entry"));
        requireDistinct(values, field);
        if (values.size() < minimum) {
            throw invalid(field + " needs at least " + minimum + " entr" + (minimum == 1 ? "y" : "ies"));
        }
        return List.copyOf(values);
    }

    /**
     * A required list of distinct, present values (each checked by its own type); it may be empty.
     *
     * @param values the values
     * @param field the field's name, for the message
     * @param <T> the values' type
     * @return an unmodifiable copy
     * @throws DomainRuleException if the list is missing, too long, repeats a value or holds a null
     */
    public static <T> List<T> distinct(List<T> values, String field) {
        list(values, field).forEach(value -> present(value, field + " entry"));
        requireDistinct(values, field);
        return List.copyOf(values);
    }

    /**
     * The exception for an invalid command, to be thrown by the caller.
     *
     * @param message the sentence naming what is wrong
     * @return a {@link DomainRuleException} with {@link ErrorCode#INVALID_COMMAND}
     */
    public static DomainRuleException invalid(String message) {
        return new DomainRuleException(INVALID_COMMAND, message);
    }

    private static FieldLimitException beyondLimit(String message) {
        return new FieldLimitException(INVALID_COMMAND, message);
    }

    /**
     * Whether two lists hold the same entries, whatever their order and repeats.
     *
     * @param left one list
     * @param right the other list
     * @return true if every entry of each is in the other
     */
    public static boolean sameEntries(List<String> left, List<String> right) {
        return Objects.equals(new HashSet<>(left), new HashSet<>(right));
    }

    private static <T> List<T> list(List<T> values, String field) {
        present(values, field);
        if (values.size() > MAX_LIST_SIZE) {
            throw beyondLimit(field + " may hold at most " + MAX_LIST_SIZE + " entries, held " + values.size());
        }
        return values;
    }

    private static void requireDistinct(List<?> values, String field) {
        if (new HashSet<>(values).size() != values.size()) {
            throw invalid(field + " may not name the same entry twice");
        }
    }

    private static String name(String value, String field, int maximum) {
        present(value, field);
        requireValidUnicode(value, field);
        value.codePoints().filter(Fields::isControlOrBidi).findFirst().ifPresent(character -> {
            throw beyondLimit(field + " may not contain the control character " + escaped(character));
        });
        if (value.codePoints().allMatch(Fields::isBlankLooking)) {
            String message = field + " is required and may not be blank or made only of invisible characters";
            throw value.isBlank() ? invalid(message) : beyondLimit(message);
        }
        requireLength(value, field, maximum);
        return value;
    }

    /**
     * Rejects lone surrogates, which Java strings can hold but no encoder can write, and NUL, which no SQL text
     * column stores.
     */
    private static void requireValidUnicode(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char unit = value.charAt(i);
            if (Character.isHighSurrogate(unit) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(unit)) {
                throw beyondLimit(field + " is not valid Unicode: a lone surrogate " + escaped(unit) + " at character "
                                      + (i + 1));
            } else if (unit == 0) {
                throw beyondLimit(field + " may not contain the NUL character (\\u0000)");
            }
        }
    }

    private static void requireLength(String value, String field, int maximum) {
        int length = value.codePointCount(0, value.length());
        if (length > maximum) {
            throw beyondLimit(field + " may be at most " + maximum + " characters long, was " + length);
        }
    }

    private static boolean isControlOrBidi(int character) {
        return Character.getType(character) == Character.CONTROL
                || character == 0x061C || character == 0x200E || character == 0x200F
                || (character >= 0x202A && character <= 0x202E) || (character >= 0x2066 && character <= 0x2069);
    }

    /** Spaces of every kind, format characters (zero-width space, joiners, BOM) and the fillers that print nothing. */
    private static boolean isBlankLooking(int character) {
        return Character.isWhitespace(character) || Character.isSpaceChar(character)
                || Character.getType(character) == Character.FORMAT
                || character == 0x115F || character == 0x1160 || character == 0x2800 || character == 0x3164
                || character == 0xFFA0 || (character >= 0xFE00 && character <= 0xFE0F) || character == 0x034F;
    }

    private static String escaped(int character) {
        return String.format("\\u%04X", character);
    }
}
