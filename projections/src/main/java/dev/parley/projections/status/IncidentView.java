package dev.parley.projections.status;

import dev.parley.incident.api.IncidentStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where one border incident stands; its JSON keys are those of the contract. {@code violations} is a count. */
public record IncidentView(String id,
                           IncidentStatus status,
                           String location,
                           List<String> attackers,
                           List<String> defenders,
                           Map<String, CasualtyCount> casualties,
                           List<StrikeView> strikes,
                           Instant ceasefireEffectiveFrom,
                           int violations) {
}
