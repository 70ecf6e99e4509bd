package dev.parley.application.serialization;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.MultiSourceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.ConfigToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event serializer requires every creator property of what it reads; Axon's tokens and metadata, which it also
 * stores, still read back as written, in every form a processor leaves in the token store.
 */
class TokensAndMetaDataReadBackTest {

    private final Serializer events = ParleySerializers.events();

    @Test
    void everyTokenAProcessorStoresReadsBackAsWritten() {
        GlobalSequenceTrackingToken global = new GlobalSequenceTrackingToken(41);
        GapAwareTrackingToken gapAware = GapAwareTrackingToken.newInstance(12, Set.of(3L, 7L));
        List<TrackingToken> tokens = List.of(
                global, gapAware,
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(50), global),
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(50), null),
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(50), global, "reset by replay"),
                new MergedTrackingToken(global, new GlobalSequenceTrackingToken(39)),
                new MultiSourceTrackingToken(Map.of("record", global)),
                new ConfigToken(Map.of("segments", "4")));

        for (TrackingToken token : tokens) {
            SerializedObject<byte[]> written = events.serialize(token, byte[].class);
            assertThat((Object) events.deserialize(written)).as(new String(written.getData())).isEqualTo(token);
        }
    }

    @Test
    void metaDataReadsBackAsWritten() {
        MetaData metaData = MetaData.with("actor", "desk").and("source", "ISPR");

        assertThat((Object) events.deserialize(events.serialize(metaData, byte[].class))).isEqualTo(metaData);
    }
}
