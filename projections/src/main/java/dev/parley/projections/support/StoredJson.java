package dev.parley.projections.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;

/**
 * The JSON of an event's payload as the event store holds it (after upcasting), for read models that keep the
 * payload itself: whoever runs the projection puts the event serializer in the batch's unit of work under
 * {@link #SERIALIZER}, and a message read from the store then gives back its stored bytes instead of being
 * serialized again. Without it (or for a message that was never stored) the payload is serialized by that
 * serializer, or, outside any unit of work, not at all.
 */
public final class StoredJson {

    /** The unit-of-work resource holding the event serializer. */
    public static final String SERIALIZER = "parley.eventSerializer";

    private StoredJson() {
    }

    /**
     * The payload's JSON as stored, or null when no serializer was handed over.
     *
     * @param message an event message
     * @return its payload's JSON, or null
     */
    public static String payload(EventMessage<?> message) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Serializer serializer = CurrentUnitOfWork.get().root().getResource(SERIALIZER);
        if (serializer == null) {
            return null;
        }
        return message.serializePayload(serializer, String.class).getData();
    }
}
