package dev.parley.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.projections.json.ParleyJson;
import dev.parley.projections.support.StoredEvent;

import java.time.Instant;

/**
 * One stored event as an auditor sees it; its JSON keys are those of the contract, with {@code hash}: the event's
 * leaf hash in hex (null for events that only exist in a what-if fork).
 */
public record AuditEntry(long position,
                         String aggregateType,
                         String aggregateId,
                         long sequence,
                         String eventType,
                         Instant occurredAt,
                         Instant recordedAt,
                         String actor,
                         String source,
                         String correlationId,
                         String causationId,
                         JsonNode payload,
                         String hash) {

    /**
     * The audit entry of an event that has no stored hash (a what-if fork's own).
     *
     * @param event an event of a what-if fork
     * @return its entry, with a null hash
     */
    public static AuditEntry of(StoredEvent event) {
        return new AuditEntry(event.position(), event.aggregateType(), event.aggregateId(), event.sequence(),
                              event.eventType(), event.occurredAt(), event.recordedAt(), event.actor(),
                              event.source(), event.correlationId(), event.causationId(),
                              ParleyJson.mapper().valueToTree(event.payload()), null);
    }
}
