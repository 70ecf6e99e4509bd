package dev.parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.projections.json.ParleyJson;

import java.io.UncheckedIOException;

/** JSON output of the CLI, with the one mapper configuration of Parley. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        try {
            return ParleyJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
