package dev.parley.projections.status;

/**
 * Asks for the status of one aggregate after the events of its stream up to and including {@code sequence}.
 *
 * @param aggregateId the aggregate
 * @param sequence the last sequence number included
 */
public record FindStatusAtSequenceQuery(String aggregateId, long sequence) {
}
