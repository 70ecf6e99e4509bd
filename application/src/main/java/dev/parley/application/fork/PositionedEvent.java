package dev.parley.application.fork;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * An event of a history and its position there: in the record, its global index; in a fork, after the fork point.
 *
 * @param position the event's position
 * @param message the event as Axon stores it
 */
public record PositionedEvent(long position, DomainEventMessage<?> message) {
}
