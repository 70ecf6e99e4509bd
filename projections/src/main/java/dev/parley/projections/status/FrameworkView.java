package dev.parley.projections.status;

import dev.parley.negotiation.api.FrameworkResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A framework on the table and the answers of the parties, in the order they came.
 *
 * @param id the framework's id
 * @param submittedBy the code of the submitting party
 * @param title its title
 * @param responses each answering party's response, by party code
 */
public record FrameworkView(String id, String submittedBy, String title, Map<String, FrameworkResponse> responses) {

    FrameworkView answeredBy(String party, FrameworkResponse response) {
        Map<String, FrameworkResponse> answered = new LinkedHashMap<>(responses);
        answered.put(party, response);
        return new FrameworkView(id, submittedBy, title, answered);
    }
}
