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
 * Events of a command read from a command file by {@code parley run} also carry {@code commandFile}, the SHA-256 of
 * the file's bytes (hex), and {@code commandFileLine}, the line's 1-based physical number.
 */
public final class Provenance implements CorrelationDataProvider {

    /** The metadata key of who entered the command. */
    public static final String ACTOR = "actor";
    /** The metadata key of the id of the command a user entered. */
    public static final String CORRELATION_ID = "correlationId";
    /** The metadata key of the id of the event that caused a process rule's command. */
    public static final String CAUSATION_ID = "causationId";
    /** The metadata key of the SHA-256 of a command file's bytes, in hex. */
    public static final String COMMAND_FILE = "commandFile";
    /** The metadata key of a command file line's 1-based physical number. */
    public static final String COMMAND_FILE_LINE = "commandFileLine";

    /**
     * Metadata for a command entered by {@code actor}.
     *
     * @param actor who entered it
     * @return the metadata
     */
    public static MetaData enteredBy(String actor) {
        return MetaData.with(ACTOR, actor);
    }

    /**
     * Metadata for a command entered by {@code actor} from line {@code line} of the file with {@code digest}.
     *
     * @param actor who entered it
     * @param fileDigest the SHA-256 of the file's bytes, in hex
     * @param line the line's 1-based physical number
     * @return the metadata
     */
    public static MetaData enteredBy(String actor, String fileDigest, int line) {
        return MetaData.with(ACTOR, actor).and(COMMAND_FILE, fileDigest).and(COMMAND_FILE_LINE, line);
    }

    /**
     * The default actor: the operating-system user.
     *
     * @return the {@code user.name} system property
     */
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
        for (String carried : new String[]{ACTOR, COMMAND_FILE, COMMAND_FILE_LINE}) {
            if (metaData.containsKey(carried)) {
                data.put(carried, metaData.get(carried));
            }
        }
        return data;
    }
}
