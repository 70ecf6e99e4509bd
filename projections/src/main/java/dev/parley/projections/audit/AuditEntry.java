package dev.parley.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.projections.json.ParleyJson;
import dev.parley.projections.support.StoredEvent;

import java.time.Instant;

/**
 * One stored event as an auditor sees it; its JSON keys are those of the contract, with {@code hash}: the event's
 * leaf hash in hex (null for events that only exist in a what-if fork).
 *
 * @param position the event's global position
 * @param aggregateType the aggregate type, as in {@link dev.parley.shared.api.AggregateTypes}
 * @param aggregateId the aggregate's id
 * @param sequence the event's sequence number in its aggregate's stream, from 0
 * @param eventType the event's public type name
 * @param occurredAt when it happened in the world
 * @param recordedAt when it was recorded
 * @param actor who entered the command
 * @param source who reported it
 * @param correlationId the id of the command a user entered, shared by everything that followed from it
 * @param causationId the id of the event that caused a process rule's command, or null
 * @param payload the event as JSON
 * @param hash the event's leaf hash in hex, or null
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
