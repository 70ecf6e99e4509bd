package dev.parley.application.fork;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * How a fork differs from its base, aggregate by aggregate, for every aggregate the fork touched: the status fields
 * that differ, the events only in the fork, and the base's events after the fork point.
 *
 * @param forkPoint the fork point
 * @param against what the fork is compared with
 * @param aggregates the differences of each aggregate the fork touched
 */
public record ForkDiff(long forkPoint, Against against, List<AggregateDiff> aggregates) {

    /** What the fork is compared with: the base as it is now, or as it was at the fork point. */
    public enum Against {
        /** The base as it is now. */
        HEAD,
        /** The base as it was at the fork point. */
        FORK_POINT
    }

    /**
     * The differences of one aggregate.
     *
     * @param aggregateType the aggregate type
     * @param aggregateId the aggregate's id
     * @param statusDifferences the status fields that differ
     * @param forkEvents the events only in the fork
     * @param baseEventsAfterForkPoint the base's events after the fork point
     */
    public record AggregateDiff(String aggregateType,
                                String aggregateId,
                                List<FieldDifference> statusDifferences,
                                List<DiffEvent> forkEvents,
                                List<DiffEvent> baseEventsAfterForkPoint) {
    }

    /**
     * One status field that differs; {@code field} is a path such as {@code rounds[1].closedAs}, empty for the whole
     * aggregate when it exists on one side only. Values are JSON, null where absent.
     *
     * @param field the field's path, or empty
     * @param base its value in the base, or null
     * @param fork its value in the fork, or null
     */
    public record FieldDifference(String field, JsonNode base, JsonNode fork) {
    }

    /**
     * An event in the diff, described in one line.
     *
     * @param position the event's position
     * @param sequence its sequence number in its stream
     * @param eventType its public type name
     * @param occurredAt when it happened in the world
     * @param description the event in one line
     */
    public record DiffEvent(long position, long sequence, String eventType, Instant occurredAt, String description) {
    }
}
