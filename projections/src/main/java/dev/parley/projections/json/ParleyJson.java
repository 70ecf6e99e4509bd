package dev.parley.projections.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Builds the single {@link ObjectMapper} configuration: ISO-8601 times, typed identifiers as plain strings, duplicate
 * keys refused. Commands and queries read from the JSON of command-file lines: {@code "incidentId":"inc-3"}, and
 * times as a date ({@code "2025-10-12"}, 00:00 UTC) or a date-time with an offset.
 */
public final class ParleyJson {

    private static final ObjectMapper MAPPER = create();

    private ParleyJson() {
    }

    /**
     * The shared, fully configured mapper; do not reconfigure it.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A fresh mapper with the same configuration, for owners that must not share one (such as Axon's serializer).
     *
     * @return a new mapper
     */
    public static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(module());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    /**
     * Parley's types for a mapper configured elsewhere (a Spring application's, which picks up a {@link Module}
     * bean): identifiers written as their plain value and read from it, or from the {@code {"value":…}} object a
     * mapper without this module expects; times read as in command files. Register it after {@link JavaTimeModule}.
     *
     * @return the module, named {@code parley}
     */
    public static Module module() {
        SimpleModule module = new SimpleModule("parley");
        identifier(module, NegotiationId.class, NegotiationId::value, NegotiationId::new);
        identifier(module, IncidentId.class, IncidentId::value, IncidentId::new);
        module.addDeserializer(Instant.class, new CommandFileTime());
        return module;
    }

    /**
     * The domain rule a command's JSON broke, with its error code, as the command's constructor threw it (Jackson
     * wraps it, in a {@code ValueInstantiationException} for instance); JSON that never reached a constructor
     * (malformed, a wrong type, an unparsable time) is {@code INVALID_COMMAND}, as a command-file line would be.
     *
     * @param error what Jackson threw reading a command
     * @return the exception to throw, carrying the error code
     */
    public static DomainRuleException ruleBroken(JsonProcessingException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainRuleException broken) {
                return broken;
            }
        }
        return Fields.invalid("malformed JSON: " + error.getOriginalMessage());
    }

    private static <T> void identifier(SimpleModule module, Class<T> type, Function<T, String> value,
                                       Function<String, T> create) {
        module.addSerializer(type, new StdSerializer<>(type) {
            @Override
            public void serialize(T id, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(value.apply(id));
            }
        });
        module.addDeserializer(type, new StdDeserializer<>(type) {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.hasToken(JsonToken.VALUE_STRING)) {
                    return create.apply(parser.getText());
                }
                JsonNode node = context.readTree(parser);
                if (node != null && node.isObject() && node.size() == 1 && node.path("value").isTextual()) {
                    return create.apply(node.get("value").asText());
                }
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
        });
        module.addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) {
                return create.apply(key);
            }
        });
    }

    /** A date alone, as in command files, or whatever Jackson reads as an instant (stored times among them). */
    private static final class CommandFileTime extends StdDeserializer<Instant> {

        private static final int DATE_LENGTH = "2025-10-12".length();

        CommandFileTime() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && parser.getText().length() == DATE_LENGTH) {
                String text = parser.getText();
                try {
                    return IsoTime.parse(text);
                } catch (DateTimeParseException e) {
                    return (Instant) context.handleWeirdStringValue(Instant.class, text,
                            "not an ISO-8601 date (2025-10-12) or date-time with offset (2025-10-12T08:30:00+05:00)");
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
