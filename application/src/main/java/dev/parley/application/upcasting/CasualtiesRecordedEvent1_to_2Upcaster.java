package dev.parley.application.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.incident.api.CasualtiesRecordedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a {@link CasualtiesRecordedEvent} of revision 1 as revision 2: revision 1 left {@code wounded} out when there
 * were none, so an absent {@code wounded} becomes 0 and a present one is kept.
 */
public final class CasualtiesRecordedEvent1_to_2Upcaster extends SingleEventUpcaster {

    /** The stored type this upcaster reads. */
    public static final SimpleSerializedType READS =
            new SimpleSerializedType(CasualtiesRecordedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(CasualtiesRecordedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(READS);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class,
                                            CasualtiesRecordedEvent1_to_2Upcaster::withWounded);
    }

    private static JsonNode withWounded(JsonNode payload) {
        if (!(payload instanceof ObjectNode event) || event.has("wounded")) {
            return payload;
        }
        // A new node (the given one may be the cached data of the representation this one was upcast from), with
        // "wounded" right after "killed", where revision 2 writes it: the upcast JSON is then the JSON a current
        // event of the same content is stored as, which the audit trail keeps as is.
        ObjectNode upcast = event.objectNode();
        event.fields().forEachRemaining(field -> {
            upcast.set(field.getKey(), field.getValue().deepCopy());
            if (field.getKey().equals("killed")) {
                upcast.put("wounded", 0);
            }
        });
        if (!upcast.has("wounded")) {
            upcast.put("wounded", 0);
        }
        return upcast;
    }
}
