package dev.parley.application.storage;

/**
 * One line of an export: the event exactly as stored (payload and metadata as their stored JSON text), its place,
 * both times, and its hashes.
 *
 * @param position the event's global position
 * @param aggregateType the aggregate type
 * @param aggregateId the aggregate's id
 * @param sequence its sequence number in its stream
 * @param eventIdentifier the event message's id
 * @param payloadType the stored payload type
 * @param payloadRevision the stored revision, or null
 * @param recordedAt when it was recorded, as stored
 * @param occurredAt when it happened in the world, as the payload says
 * @param payload the stored payload, JSON text
 * @param metaData the stored metadata, JSON text
 * @param previousLeafHash the leaf hash of the stream's previous event, hex
 * @param leafHash the event's leaf hash, hex
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
