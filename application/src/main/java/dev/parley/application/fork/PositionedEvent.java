package dev.parley.application.fork;

import org.axonframework.eventhandling.DomainEventMessage;

/** An event of a history and its position there: in the record, its global index; in a fork, after the fork point. */
public record PositionedEvent(long position, DomainEventMessage<?> message) {
}
