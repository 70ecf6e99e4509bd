package dev.parley.projections.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;

/**
 * Builds the single {@link ObjectMapper} configuration: ISO-8601 times, typed identifiers as plain strings, duplicate
 * keys refused.
 */
public final class ParleyJson {

    private static final ObjectMapper MAPPER = create();

    private ParleyJson() {
    }

    /** The shared, fully configured mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A fresh mapper with the same configuration, for owners that must not share one (such as Axon's serializer). */
    public static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.addMixIn(NegotiationId.class, NegotiationIdJson.class);
        mapper.addMixIn(IncidentId.class, IncidentIdJson.class);
        return mapper;
    }

    private abstract static class NegotiationIdJson {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        NegotiationIdJson(String value) {
        }

        @JsonValue
        abstract String value();
    }

    private abstract static class IncidentIdJson {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        IncidentIdJson(String value) {
        }

        @JsonValue
        abstract String value();
    }
}
