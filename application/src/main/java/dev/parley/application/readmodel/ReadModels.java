package dev.parley.application.readmodel;

import dev.parley.projections.readmodel.ReadModel;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The streaming read models of one Parley, as their definitions declare them: waits for them to reach the head of
 * the event store, replays them from the first event (tokens reset, every model cleared by its reset handler, then
 * rebuilt), and captures what their tables hold.
 */
public final class ReadModels implements AutoCloseable {

    /**
     * What a replay did: how many events the read models were given again, and how long it took.
     *
     * @param events   the events replayed
     * @param duration how long it took
     */
    public record Replay(long events, Duration duration) {

        /**
         * The replay's rate.
         *
         * @return events per second; the number of events when it took no measurable time
         */
        public double eventsPerSecond() {
            double seconds = duration.toNanos() / 1e9;
            return seconds <= 0 ? events : events / seconds;
        }
    }

    /** The schema a replay rebuilds the read models in, beside the live ones, until it swaps them in. */
    public static final String REBUILD_SCHEMA = ShadowSchema.NAME;

    /** Events behind the head beyond which a live processor pauses while a rebuild runs (see {@link Rebuild}). */
    private static final long FAR_BEHIND = 10L * Rebuild.BATCH;

    private final Configuration configuration;
    private final List<ReadModel> definitions;
    private final List<String> names;
    private final HandledEvents handled;
    private final DataSource dataSource;
    private final TokenPositions stored;
    private final AtomicReference<Running> rebuilding = new AtomicReference<>();

    /**
     * The read models an Axon configuration runs.
     *
     * @param configuration the running configuration, with a processor per read model
     * @param definitions the read models it runs
     * @param handled counts the events the processors handle
     * @param dataSource the store's data source
     * @param stored reads the positions of tokens in the token store
     */
    public ReadModels(Configuration configuration, List<ReadModel> definitions, HandledEvents handled,
                      DataSource dataSource, TokenPositions stored) {
        this.configuration = configuration;
        this.definitions = List.copyOf(definitions);
        this.names = this.definitions.stream().map(ReadModel::name).toList();
        this.handled = handled;
        this.dataSource = dataSource;
        this.stored = stored;
    }

    /**
     * The read models running, in the order they were registered.
     *
     * @return the declarations
     */
    public List<ReadModel> definitions() {
        return definitions;
    }

    /**
     * Their names, which are their processing groups and processors.
     *
     * @return the names
     */
    public List<String> names() {
        return names;
    }

    /**
     * Writes what every read model's tables hold now to temporary files, to compare with another capture.
     *
     * @return the capture, to close when done
     */
    public ReadModelContents capture() {
        return ReadModelContents.capture(dataSource, definitions);
    }

    /**
     * One read model as this node sees it: the position of its slowest segment (held here or by another node, -1
     * before any event), the store's head, and the segments this node holds.
     *
     * @param name            the read model's name
     * @param position        the global position of its slowest segment, -1 before any event
     * @param head            the global position of the store's last event, -1 in an empty store
     * @param claimedSegments the segments this node holds
     * @param replaying       whether its processor is replaying
     */
    public record Standing(String name, long position, long head, List<Integer> claimedSegments,
                           boolean replaying) {

        /**
         * How many events the read model is behind the head.
         *
         * @return the number of events
         */
        public long lag() {
            return Math.max(0, head - position);
        }
    }

    /**
     * Waits until every read model has processed every event stored so far, on whichever node holds each segment:
     * segments this node holds are read live, the others from the shared token store.
     *
     * @param timeout how long to wait at most
     * @param listener hears the progress
     * @throws TimeoutException when they do not catch up within {@code timeout}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void await(Duration timeout, CatchUpListener listener) throws TimeoutException, InterruptedException {
        awaitPosition(head(), timeout, listener);
    }

    /**
     * Waits until every read model has processed the event at {@code position} and all before it: after a command,
     * the head then ({@link #head()}) is at or past its last event, so its events then show in every read model.
     *
     * @param position the global position to reach
     * @param timeout how long to wait at most
     * @throws TimeoutException when they do not reach it within {@code timeout}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitPosition(long position, Duration timeout) throws TimeoutException, InterruptedException {
        awaitPosition(position, timeout, CatchUpListener.SILENT);
    }

    private void awaitPosition(long head, Duration timeout, CatchUpListener listener)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long slowest = Long.MAX_VALUE;
            boolean done = true;
            for (String name : names) {
                StreamingEventProcessor processor = processor(name);
                long position = position(processor);
                slowest = Math.min(slowest, position);
                done &= head < 0 || (position >= head && !processor.isReplaying());
            }
            listener.at(slowest, head);
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the read models did not reach position " + head + " within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /**
     * The position of the last event stored so far, -1 in an empty store.
     *
     * @return the head's global position
     */
    public long head() {
        TrackingToken headToken = configuration.eventStore().createHeadToken();
        return headToken == null ? -1 : headToken.position().orElse(-1);
    }

    /**
     * Where each read model stands now.
     *
     * @return one standing per read model, in their order
     */
    public List<Standing> standings() {
        long head = head();
        return names.stream().map(name -> {
            StreamingEventProcessor processor = processor(name);
            List<Integer> claimed = processor.processingStatus().keySet().stream().sorted().toList();
            return new Standing(name, position(processor), head, claimed, processor.isReplaying());
        }).toList();
    }

    /**
     * Rebuilds every read model from the first event beside the live ones, puts the rebuilt models in their place in
     * one transaction, and waits until they are back at the head. Queries keep reading the live models until then;
     * stopped before the swap (by {@code timeout}, an interrupt or {@link #close()}), the live models stay as they
     * were. The events are read once and given to every read model ({@link Rebuild}).
     *
     * @throws IllegalStateException when another rebuild holds the store's rebuild lease, or a read model fails
     *
     * @param timeout how long the whole replay may take
     * @param listener hears the rebuild's progress
     * @return how many events were replayed and how long it took
     * @throws TimeoutException when the replay does not finish within {@code timeout}
     * @throws InterruptedException when the replaying thread is interrupted
     */
    public Replay replay(Duration timeout, CatchUpListener listener) throws TimeoutException, InterruptedException {
        long start = System.nanoTime();
        long headNow = head();
        Rebuild rebuild = new Rebuild(configuration, definitions, dataSource, stored.serializer(), this::processor,
                                      this::head, name -> headNow - position(processor(name)) > FAR_BEHIND);
        CompletableFuture<Rebuild.Outcome> outcome = new CompletableFuture<>();
        Running running = new Running(rebuild, new Thread(() -> {
            try {
                outcome.complete(rebuild.run(listener));
            } catch (Throwable failed) {
                outcome.completeExceptionally(failed);
            }
        }, "parley-rebuild"));
        if (!rebuilding.compareAndSet(null, running)) {
            throw new IllegalStateException("a rebuild of the read models is already under way here");
        }
        Thread worker = running.worker();
        worker.setDaemon(true);
        worker.start();
        Rebuild.Outcome done;
        try {
            done = outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException stopped) {
            // The rebuild's JDBC work runs on its own thread: an interrupt inside H2's file I/O would close the store.
            rebuild.cancel();
            awaitQuietly(worker);
            throw stopped;
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } finally {
            rebuilding.compareAndSet(running, null);
        }
        long left = timeout.toNanos() - (System.nanoTime() - start);
        awaitPosition(done.position(), Duration.ofNanos(Math.max(0, left)), listener);
        return new Replay(done.events(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static RuntimeException failure(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("the rebuild of the read models failed: " + cause.getMessage(), cause);
    }

    private static void awaitQuietly(Thread worker) {
        boolean interrupted = Thread.interrupted();
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Drops what a rebuild that died (a crash, the database going down) left beside the live read models, once its
     * lease has expired; the live read models never depended on it.
     */
    public void cleanUpAbandonedRebuild() {
        try {
            Rebuild.cleanUpAbandoned(dataSource, definitions);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot clean up an abandoned rebuild: " + e.getMessage(), e);
        }
    }

    /** Stops a rebuild under way here, which leaves the live read models as they were, and waits for it. */
    @Override
    public void close() {
        Running running = rebuilding.get();
        if (running != null) {
            running.rebuild().cancel();
            awaitQuietly(running.worker());
        }
    }

    /** A rebuild and the thread it runs on. */
    private record Running(Rebuild rebuild, Thread worker) {
    }

    /**
     * The streaming processor of the read model {@code name}.
     *
     * @param name the read model's name
     * @return its processor
     */
    public StreamingEventProcessor processor(String name) {
        return configuration.eventProcessingConfiguration()
                            .eventProcessor(name, StreamingEventProcessor.class)
                            .orElseThrow(() -> new IllegalStateException("no read model " + name));
    }

    /** The position of the slowest segment of {@code processor}, held here or by another node; -1 before any. */
    private long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        for (EventTrackerStatus status : held.values()) {
            if (status.isErrorState()) {
                throw new IllegalStateException("read model " + processor.getName() + " failed: "
                                                        + status.getError().getMessage(), status.getError());
            }
        }
        List<TokenPositions.Segment> segments = stored.of(processor.getName());
        if (segments.isEmpty()) {
            return -1;
        }
        long slowest = Long.MAX_VALUE;
        for (TokenPositions.Segment segment : segments) {
            EventTrackerStatus live = held.get(segment.segment());
            long position = live != null ? live.getCurrentPosition().orElse(-1) : segment.position();
            slowest = Math.min(slowest, position);
        }
        return slowest;
    }
}
