package dev.parley.application;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;

import java.util.ArrayList;
import java.util.List;

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

    /** Axon's weak-reference cache, replaced by an empty one to forget everything (it cannot remove all itself). */
    private static final class Forgetting implements Cache {

        private volatile WeakReferenceCache entries = new WeakReferenceCache();

        void forget() {
            entries = new WeakReferenceCache();
        }

        @Override
        public <K, V> V get(K key) {
            return entries.get(key);
        }

        @Override
        public void put(Object key, Object value) {
            entries.put(key, value);
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            return entries.putIfAbsent(key, value);
        }

        @Override
        public boolean remove(Object key) {
            return entries.remove(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public Registration registerCacheEntryListener(EntryListener listener) {
            throw new UnsupportedOperationException("Parley's aggregate caches take no listeners");
        }
    }
}
