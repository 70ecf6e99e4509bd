package dev.parley.projections.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status documents touched by one batch of events: each is read once, folded in memory event by event, and
 * written once when the batch commits. An event at or below a document's last sequence is already in it and is
 * skipped.
 */
final class StatusBatch {

    private record Key(String aggregateType, String aggregateId) {
    }

    private static final class Pending {
        private final boolean stored;
        private Object view;
        private long lastSequence;
        private long lastPosition;
        private boolean changed;

        private Pending(boolean stored, Object view, long lastSequence) {
            this.stored = stored;
            this.view = view;
            this.lastSequence = lastSequence;
        }
    }

    private final StatusStore store;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();

    StatusBatch(StatusStore store) {
        this.store = store;
    }

    void fold(String aggregateType, String aggregateId, Class<?> viewType, long sequence, long position,
              Object event) {
        Pending document = pending.computeIfAbsent(new Key(aggregateType, aggregateId), key -> store
                .find(aggregateType, aggregateId)
                .map(row -> new Pending(true, store.read(row.document(), viewType), row.lastSequence()))
                .orElseGet(() -> new Pending(false, null, -1)));
        if (sequence <= document.lastSequence) {
            return;
        }
        Object next = StatusFold.apply(aggregateType, document.view, event);
        if (next != null) {
            document.view = next;
            document.lastSequence = sequence;
            document.lastPosition = position;
            document.changed = true;
        }
    }

    void flush() {
        List<StatusStore.Write> inserts = new ArrayList<>();
        List<StatusStore.Write> updates = new ArrayList<>();
        pending.forEach((key, document) -> {
            if (document.changed) {
                StatusStore.Write write = new StatusStore.Write(key.aggregateType(), key.aggregateId(),
                                                                document.view, document.lastSequence,
                                                                document.lastPosition);
                (document.stored ? updates : inserts).add(write);
            }
        });
        store.insert(inserts);
        store.update(updates);
        pending.clear();
    }
}
