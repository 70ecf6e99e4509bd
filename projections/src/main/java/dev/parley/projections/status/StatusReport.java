package dev.parley.projections.status;

import java.util.List;

/**
 * The answer to {@link FindStatusQuery}: negotiations and incidents, each ordered by id.
 *
 * @param negotiations the negotiations
 * @param incidents the incidents
 */
public record StatusReport(List<NegotiationView> negotiations, List<IncidentView> incidents) {

    /**
     * Copies both lists.
     *
     * @param negotiations the negotiations
     * @param incidents the incidents
     */
    public StatusReport {
        negotiations = List.copyOf(negotiations);
        incidents = List.copyOf(incidents);
    }
}
