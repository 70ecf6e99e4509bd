package dev.parley.application.readmodel;

import dev.parley.projections.schema.Tables.Nodes;
import dev.parley.projections.schema.Tables.Tokens;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Shares the read models' segments fairly among the nodes running them on one store. Axon's processors claim every
 * free segment they see, so the first node to start would keep them all; each node therefore renews a row in
 * {@code parley_node}, counts the nodes alive, and releases for a while whatever it holds beyond its fair share of
 * all the read models' segments together, for another node to claim. A node that dies stops renewing; once its claims expire, the others take its segments.
 */
public final class SegmentBalancer implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(SegmentBalancer.class);
    /** Names of computed columns, so that every column is read by name. */
    private static final String NOW = "now_at";
    private static final String COUNT = "row_count";

    private final DataSource dataSource;
    private final String nodeId;
    private final List<String> processors;
    private final Function<String, StreamingEventProcessor> processorNamed;
    private final Duration aliveFor;
    private final ScheduledExecutorService timer;

    private SegmentBalancer(DataSource dataSource, String nodeId, List<String> processors,
                            Function<String, StreamingEventProcessor> processorNamed, Duration aliveFor) {
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.processors = List.copyOf(processors);
        this.processorNamed = processorNamed;
        this.aliveFor = aliveFor;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-balancer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts balancing: at once and then every {@code every}, this node says it is alive and gives up segments beyond its share. A
     * node counts as alive while its row is younger than {@code aliveFor}, which should be the token claim timeout.
     *
     * @param dataSource the store's data source
     * @param nodeId this node's id
     * @param processors the names of the processors to balance
     * @param processorNamed gives a processor by name
     * @param every how often to balance
     * @param aliveFor how long a node counts as alive since it last said so
     * @return the running balancer, to close when done
     */
    public static SegmentBalancer start(DataSource dataSource, String nodeId, List<String> processors,
                                        Function<String, StreamingEventProcessor> processorNamed,
                                        Duration every, Duration aliveFor) {
        SegmentBalancer balancer = new SegmentBalancer(dataSource, nodeId, processors, processorNamed, aliveFor);
        balancer.balanceQuietly();
        balancer.timer.scheduleWithFixedDelay(balancer::balanceQuietly, every.toMillis(), every.toMillis(),
                                              TimeUnit.MILLISECONDS);
        return balancer;
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException | SQLException e) {
            logger.warn("cannot balance read-model segments now: {}", e.getMessage());
        }
    }

    void balance() throws SQLException {
        int nodesAlive = renewAndCountAlive();
        List<List<Integer>> heldPerProcessor = new ArrayList<>();
        boolean holdsAny = false;
        for (String name : processors) {
            List<Integer> held = new ArrayList<>(processorNamed.apply(name).processingStatus().keySet());
            held.sort(null);
            heldPerProcessor.add(held);
            holdsAny |= !held.isEmpty();
        }
        if (!holdsAny) {
            return;
        }
        int share = (segmentCount() + nodesAlive - 1) / nodesAlive;
        // Kept round-robin over the processors, so that a node keeps a part of each read model before a second
        // segment of any: with one segment per read model, two nodes split the three models two and one.
        int kept = 0;
        int longest = heldPerProcessor.stream().mapToInt(List::size).max().orElse(0);
        for (int round = 0; round < longest; round++) {
            for (int index = 0; index < processors.size(); index++) {
                List<Integer> held = heldPerProcessor.get(index);
                if (round >= held.size()) {
                    continue;
                }
                if (kept < share) {
                    kept++;
                } else {
                    processorNamed.apply(processors.get(index))
                                  .releaseSegment(held.get(round), aliveFor.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private int renewAndCountAlive() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Timestamp now;
            try (PreparedStatement select = connection.prepareStatement("SELECT CURRENT_TIMESTAMP AS " + NOW);
                 ResultSet row = select.executeQuery()) {
                row.next();
                now = row.getTimestamp(NOW);
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + Nodes.TABLE + " SET " + Nodes.LAST_SEEN + " = ? WHERE " + Nodes.NODE_ID + " = ?")) {
                update.setTimestamp(1, now);
                update.setString(2, nodeId);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO " + Nodes.TABLE + " (" + Nodes.NODE_ID + ", " + Nodes.LAST_SEEN
                                    + ") VALUES (?, ?)")) {
                        insert.setString(1, nodeId);
                        insert.setTimestamp(2, now);
                        insert.executeUpdate();
                    }
                }
            }
            Timestamp oldestAlive = new Timestamp(now.getTime() - aliveFor.toMillis());
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + Nodes.TABLE + " WHERE " + Nodes.LAST_SEEN + " < ?")) {
                delete.setTimestamp(1, oldestAlive);
                delete.executeUpdate();
            }
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) AS " + COUNT + " FROM " + Nodes.TABLE);
                 ResultSet row = count.executeQuery()) {
                row.next();
                return Math.max(1, row.getInt(COUNT));
            }
        }
    }

    /** Segments of all the balanced processors together, as the shared token store has them. */
    private int segmentCount() throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(processors.size(), "?"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) AS " + COUNT + " FROM " + Tokens.TABLE + " WHERE " + Tokens.PROCESSOR_NAME
                             + " IN (" + marks + ")")) {
            for (int index = 0; index < processors.size(); index++) {
                count.setString(index + 1, processors.get(index));
            }
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(COUNT);
            }
        }
    }

    /** Stops balancing and removes this node's row, so the others' shares grow at once. */
    @Override
    public void close() {
        // Not shutdownNow: an interrupt inside H2's file I/O closes the database for every connection.
        timer.shutdown();
        try {
            // A round still running would use a connection while the store closes under it.
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM " + Nodes.TABLE + " WHERE " + Nodes.NODE_ID + " = ?")) {
            delete.setString(1, nodeId);
            delete.executeUpdate();
        } catch (SQLException e) {
            logger.warn("cannot remove node {}: {}", nodeId, e.getMessage());
        }
    }
}
