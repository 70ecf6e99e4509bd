package dev.parley.projections.status;

import dev.parley.incident.api.IncidentStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where one border incident stands; its JSON keys are those of the contract. {@code violations} is a count.
 *
 * @param id the incident's id
 * @param status where it stands
 * @param location where it happened
 * @param attackers the attacking sides' codes
 * @param defenders the defending sides' codes
 * @param casualties the casualties of each side, by side code
 * @param strikes the strikes recorded, in order
 * @param ceasefireEffectiveFrom when the ceasefire took effect, or null without one
 * @param violations how many violations of the ceasefire were reported
 */
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
