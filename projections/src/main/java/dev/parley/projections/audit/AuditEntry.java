package dev.parley.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One stored event as an auditor sees it; its JSON keys are those of the contract. */
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
                         JsonNode payload) {
}
