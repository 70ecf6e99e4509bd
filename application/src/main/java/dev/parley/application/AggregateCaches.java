package dev.parley.application;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregate caches of one configuration, which can all be emptied at once: a sender that decided commands ahead
 * of their commits ({@link dev.parley.application.storage.GroupCommit#deferring}) empties them when one of those
 * commits failed, since cached aggregates may then hold events the store does not.
 */
public final class AggregateCaches {

    private final List<Forgetting> caches = new ArrayList<>();

    /** A new cache, emptied with the others. */
    synchronized Cache newCache() {
        Forgetting cache = new Forgetting();
        caches.add(cache);
        return cache;
    }

    /** Empties every cache: each aggregate is loaded from the store when next used. */
    public synchronized void forgetAll() {
        caches.forEach(Forgetting::forget);
    }

    /**
     * The aggregates most recently stored, held strongly, in front of Axon's weak-reference cache for the rest. Axon
     * caches a fresh entry object per stored command that nothing else refers to, so a weak reference alone lets the
     * next garbage collection drop it; an aggregate decided ahead of its commit would then be loaded from a store
     * that does not hold its latest events yet, and its next command would conflict with its own earlier one. The
     * strong part holds more aggregates than a sender may have in flight. Forgetting replaces both.
     */
    private static final class Forgetting implements Cache {

        /** Aggregates held strongly: twice the lines a command file may have in flight. */
        private static final int RECENT = 4_096;

        private Map<Object, Object> recent = newRecent();
        private WeakReferenceCache entries = new WeakReferenceCache();

        private static Map<Object, Object> newRecent() {
            return new LinkedHashMap<>(RECENT * 4 / 3 + 1, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                    return size() > RECENT;
                }
            };
        }

        synchronized void forget() {
            recent = newRecent();
            entries = new WeakReferenceCache();
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized <K, V> V get(K key) {
            Object held = recent.get(key);
            return held != null ? (V) held : entries.get(key);
        }

        @Override
        public synchronized void put(Object key, Object value) {
            recent.put(key, value);
            entries.put(key, value);
        }

        @Override
        public synchronized boolean putIfAbsent(Object key, Object value) {
            if (containsKey(key)) {
                return false;
            }
            put(key, value);
            return true;
        }

        @Override
        public synchronized boolean remove(Object key) {
            boolean held = recent.remove(key) != null;
            return entries.remove(key) || held;
        }

        @Override
        public synchronized boolean containsKey(Object key) {
            return recent.containsKey(key) || entries.containsKey(key);
        }

        @Override
        public Registration registerCacheEntryListener(EntryListener listener) {
            throw new UnsupportedOperationException("Parley's aggregate caches take no listeners");
        }
    }
}
