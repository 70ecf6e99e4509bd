package dev.parley.application.messaging;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * The metadata every stored event carries. {@code correlationId} is the id of the command a user entered, shared by
 * everything that followed from it; {@code causationId} is the id of the event that caused a command issued by a
 * process rule, and is absent for events of commands entered by users; {@code actor} is who entered the command.
 */
public final class Provenance implements CorrelationDataProvider {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    /** Metadata for a command entered by {@code actor}. */
    public static MetaData enteredBy(String actor) {
        return MetaData.with(ACTOR, actor);
    }

    /** The default actor: the operating-system user. */
    public static String defaultActor() {
        return System.getProperty("user.name", "unknown");
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        MetaData metaData = message.getMetaData();
        Map<String, Object> data = new HashMap<>();
        data.put(CORRELATION_ID, metaData.getOrDefault(CORRELATION_ID, message.getIdentifier()));
        if (message instanceof EventMessage) {
            data.put(CAUSATION_ID, message.getIdentifier());
        } else if (metaData.containsKey(CAUSATION_ID)) {
            data.put(CAUSATION_ID, metaData.get(CAUSATION_ID));
        }
        if (metaData.containsKey(ACTOR)) {
            data.put(ACTOR, metaData.get(ACTOR));
        }
        return data;
    }
}
