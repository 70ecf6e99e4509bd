package dev.parley.application.serialization;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import dev.parley.application.upcasting.CasualtiesRecordedEvent1_to_2Upcaster;
import dev.parley.projections.json.ParleyJson;
import dev.parley.shared.Aggregates;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.MultiSourceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.ConfigToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The serializers every Parley reads and writes stored data with, and the upcasters of older event revisions. Each
 * resolves only an allow-list of classes: events, metadata and Axon's tracking tokens for the one, the aggregates for
 * the snapshot serializer.
 */
public final class ParleySerializers {

    private static final Set<String> MESSAGE_TYPES = Stream.of(
            MetaData.class, GlobalSequenceTrackingToken.class, GapAwareTrackingToken.class, ReplayToken.class,
            MergedTrackingToken.class, MultiSourceTrackingToken.class, ConfigToken.class)
            .map(Class::getName).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> AGGREGATE_TYPES = Aggregates.types().stream().map(Class::getName)
                                                                  .collect(Collectors.toUnmodifiableSet());

    private ParleySerializers() {
    }

    /**
     * Events, metadata and tokens: Parley's Jackson configuration, resolving only those classes. A stored event must
     * carry every field of its revision: one left out is an error, not a default, so an older revision can only be
     * read through its upcaster (Jackson would otherwise read a missing {@code int} as 0 and a missing text as null).
     * Only Parley's events are held to that: Axon leaves optional fields of its tokens out (a replay token's context).
     *
     * @return a new serializer
     */
    public static JacksonSerializer events() {
        ObjectMapper mapper = ParleyJson.create().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.setAnnotationIntrospector(new EveryEventFieldRequired());
        return new AllowListedSerializer(JacksonSerializer.builder().objectMapper(mapper),
                                         name -> KnownEvents.type(name).isPresent() || MESSAGE_TYPES.contains(name));
    }

    /**
     * Aggregate snapshots: the same mapper configuration, reading and writing the aggregates' fields, since
     * aggregates keep their state private; only the aggregate classes resolve.
     *
     * @return a new serializer
     */
    public static Serializer snapshots() {
        ObjectMapper mapper = ParleyJson.create();
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return new AllowListedSerializer(JacksonSerializer.builder().objectMapper(mapper),
                                         AGGREGATE_TYPES::contains);
    }

    /** Every record component of a {@link ParleyEvent} required, as with {@code @JsonProperty(required = true)}. */
    private static final class EveryEventFieldRequired extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasRequiredMarker(AnnotatedMember member) {
            return ParleyEvent.class.isAssignableFrom(member.getDeclaringClass()) ? Boolean.TRUE
                    : super.hasRequiredMarker(member);
        }
    }

    /**
     * The upcasters that read stored events of earlier revisions as their current one.
     *
     * @return the upcasters, in the order they apply
     */
    public static List<EventUpcaster> upcasters() {
        return List.of(new CasualtiesRecordedEvent1_to_2Upcaster());
    }

    /**
     * The upcasters as one chain, for reading stored events outside an Axon configuration.
     *
     * @return the chain
     */
    public static EventUpcasterChain upcasterChain() {
        return new EventUpcasterChain(upcasters());
    }
}
