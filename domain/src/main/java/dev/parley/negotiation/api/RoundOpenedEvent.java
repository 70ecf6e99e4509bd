package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A round of talks was opened; {@code parties} always holds the negotiation's parties.
 *
 * @param negotiationId the negotiation
 * @param round the round's number
 * @param parties the negotiation's parties' codes
 * @param mediators the round's mediators' codes, possibly none
 * @param venue where the round is held
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
@Revision("1")
public record RoundOpenedEvent(NegotiationId negotiationId,
        int round,
        List<String> parties,
        List<String> mediators,
        String venue,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
