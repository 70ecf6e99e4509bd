package dev.parley.application.storage;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's embedded event store, except that commits wake the streaming read models at most once per {@code linger}
 * instead of once each. Axon's store wakes its reader after every commit, so read models that are caught up read,
 * project and commit their token once per command, for each model: three transactions beside every command's one,
 * on the same cores (docs/profiles/commands.md). Waiting a few milliseconds gathers the commits of that time into one
 * read and one batch per model; the read models are behind by at most that much more.
 */
public final class CoalescingEventStore extends EmbeddedEventStore {

    private final long lingerNanos;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-read-model-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * An event store over {@code builder}'s settings, waking its readers at most once per {@code linger}.
     *
     * @param builder the settings of Axon's embedded event store
     * @param linger how long commits are gathered before the readers wake
     */
    public CoalescingEventStore(Builder builder, Duration linger) {
        super(builder);
        this.lingerNanos = linger.toNanos();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (wakeUpPending.compareAndSet(false, true)) {
            // Cleared before the wake-up, so a commit after it schedules the next one: none is ever missed.
            wakeUps.schedule(() -> {
                wakeUpPending.set(false);
                wakeReaders();
            }, lingerNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void wakeReaders() {
        super.afterCommit(List.of());
    }

    @Override
    public void shutDown() {
        wakeUps.shutdownNow();
        super.shutDown();
    }
}
