package dev.parley.application.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.stream.Collectors;

/**
 * What is wrong with a piece of JSON, said for a person: in terms of its keys and columns, without Jackson's pointers
 * into its own machinery (a {@code [Source: REDACTED (StreamReadFeature...)]} location, a start marker, a reference
 * chain) or the Java type it was reading into.
 */
public final class JsonMessages {

    private JsonMessages() {
    }

    /**
     * The problem {@code e} reports, with the key or column where it is.
     *
     * @param e what Jackson threw while reading or mapping the JSON
     * @return one sentence for a person, without Jackson's or Java's internals
     */
    public static String plain(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key \"" + unknown.getPropertyName() + "\"";
        }
        if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return "key \"" + path(mismatched) + "\" does not hold a value of the expected kind";
        }
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        message = message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                         .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                         .replaceAll("\\s*\\(through reference chain:[^)]*\\)", "")
                         .replaceAll("\\s*\\(class [\\w.$]+\\)", "")
                         .replaceAll("\\b(?:java|javax|com|org|dev)\\.[\\w.$]+\\.(\\w+)", "$1")
                         .replaceAll("\\s+", " ").strip();
        if (message.endsWith(":") || message.endsWith(";")) {
            message = message.substring(0, message.length() - 1);
        }
        return e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? message
                : message + " (at column " + e.getLocation().getColumnNr() + ")";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
