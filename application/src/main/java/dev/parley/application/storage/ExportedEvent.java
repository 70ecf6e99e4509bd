package dev.parley.application.storage;

/**
 * One line of an export: the event exactly as stored (payload and metadata as their stored JSON text), its place,
 * both times, and its hashes.
 */
public record ExportedEvent(long position,
                           String aggregateType,
                           String aggregateId,
                           long sequence,
                           String eventIdentifier,
                           String payloadType,
                           String payloadRevision,
                           String recordedAt,
                           String occurredAt,
                           String payload,
                           String metaData,
                           String previousLeafHash,
                           String leafHash) {
}
