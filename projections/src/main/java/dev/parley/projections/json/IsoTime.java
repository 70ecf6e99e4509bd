package dev.parley.projections.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The times users write, in command files, on the command line and in commands sent as JSON: an ISO-8601 date (read
 * as 00:00 UTC) or a date-time with an offset.
 */
public final class IsoTime {

    private IsoTime() {
    }

    /**
     * Parses {@code 2025-10-12} or {@code 2025-10-12T08:30:00+05:00}.
     *
     * @param text the time as written
     * @return the instant, a date alone at 00:00 UTC
     * @throws DateTimeParseException when the text is neither
     *
     */
    public static Instant parse(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
    }
}
