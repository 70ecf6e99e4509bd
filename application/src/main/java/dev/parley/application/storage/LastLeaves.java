package dev.parley.application.storage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The leaf hash of the last event of recently appended streams, so that the next append to a stream chains onto it
 * without reading event_hash. An entry is used only for the exact stored row it was computed for (the stream's tip
 * read under the append lock), so another writer's append, or a transaction that rolled back after its leaves were
 * remembered, makes it miss instead of chaining onto a leaf the store does not hold. Bounded: the least recently
 * used streams are forgotten.
 */
final class LastLeaves {

    /** The leaf of the event at {@code tip}. */
    record Leaf(StreamTip tip, byte[] hash) {
    }

    private final Map<String, Leaf> byStream;

    LastLeaves(int capacity) {
        this.byStream = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Leaf> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The remembered leaf of the stream's event at {@code tip}, or null when none is remembered for that row. */
    synchronized byte[] leafAt(String stream, StreamTip tip) {
        Leaf leaf = byStream.get(stream);
        return leaf != null && leaf.tip().equals(tip) ? leaf.hash() : null;
    }

    synchronized void remember(Map<String, Leaf> leaves) {
        byStream.putAll(leaves);
    }

    synchronized void forget(Collection<String> streams) {
        streams.forEach(byStream::remove);
    }
}
