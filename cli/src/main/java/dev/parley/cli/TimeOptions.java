package dev.parley.cli;

import dev.parley.projections.json.IsoTime;
import dev.parley.shared.api.Fields;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code --at} (valid time) and {@code --known-at} (transaction time), for reading the record as of a moment. */
final class TimeOptions {

    @Option(names = "--at", paramLabel = "<time>", converter = IsoTimeConverter.class,
            description = "The world as it stood at this time (when things happened), by everything recorded.")
    Instant at;

    @Option(names = "--known-at", paramLabel = "<time>", converter = IsoTimeConverter.class,
            description = "Only what had been recorded by this time.")
    Instant knownAt;

    boolean any() {
        return at != null || knownAt != null;
    }

    static final class IsoTimeConverter implements ITypeConverter<Instant> {

        @Override
        public Instant convert(String value) {
            Instant time;
            try {
                time = IsoTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 date (2025-10-12) or "
                                                          + "date-time with offset (2025-10-12T08:30:00+05:00)");
            }
            if (!Fields.isInRange(time)) {
                throw new TypeConversionException("'" + value + "' is outside the accepted years 1900 to 9999");
            }
            return time;
        }
    }
}
