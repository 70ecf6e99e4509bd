package dev.parley.application.integrity;

import dev.parley.application.ParleyComponents;
import dev.parley.application.integrity.Tables.Event;
import dev.parley.application.storage.JdbcTransactions;
import dev.parley.application.storage.Store;
import dev.parley.application.testing.PostgresServer;
import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.shared.api.AggregateTypes;
import dev.parley.shared.api.IncidentId;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Appends hash events from the values they bind to the insert, chained onto a leaf remembered from this writer's own
 * last append to the stream. Another writer's append, or a transaction rolled back after its leaf was remembered,
 * must never let a remembered leaf be chained onto a row the store does not hold: every stored leaf is checked here
 * against one recomputed from the stored rows, on H2 and on PostgreSQL.
 */
class AppendWithoutReadBackTest {

    private static final IncidentId INCIDENT = new IncidentId("inc-shared");
    private static final Instant OCT_12 = Instant.parse("2025-10-12T00:00:00Z");

    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    @TempDir
    Path directory;

    /** Two writers, each with its own engine and so its own remembered leaves, as two nodes would have. */
    private record Writer(JdbcTransactions transactions, EventStorageEngine engine) {

        static Writer on(Store store) {
            JdbcTransactions transactions = new JdbcTransactions(store.dataSource());
            return new Writer(transactions, ParleyComponents.eventStorageEngine(transactions, transactions,
                                                                                new EventUpcasterChain(),
                                                                                ParleyComponents.serializer()));
        }

        void append(long sequence, Object payload) {
            engine.appendEvents(List.of(new GenericDomainEventMessage<>(
                    AggregateTypes.BORDER_INCIDENT, INCIDENT.value(), sequence, payload,
                    MetaData.with("actor", "test"))));
        }
    }

    private static CasualtiesRecordedEvent casualties(int killed) {
        return new CasualtiesRecordedEvent(INCIDENT, "PAK", killed, 0, OCT_12.plusSeconds(killed), "test");
    }

    @Test
    void onH2() throws Exception {
        try (Store store = Store.open("jdbc:h2:file:" + directory.resolve("store"))) {
            writersTakingTurnsAndARolledBackAppendLeaveEveryLeafAsTheStoredRowsGiveIt(store);
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (Store store = Store.open(postgres.freshDatabase("append_without_read_back"))) {
            writersTakingTurnsAndARolledBackAppendLeaveEveryLeafAsTheStoredRowsGiveIt(store);
        }
    }

    private void writersTakingTurnsAndARolledBackAppendLeaveEveryLeafAsTheStoredRowsGiveIt(Store store)
            throws SQLException {
        Writer first = Writer.on(store);
        Writer second = Writer.on(store);
        first.append(0, new IncidentReportedEvent(INCIDENT, "Torkham", List.of("AFG"), List.of("PAK"), "clash",
                                                  OCT_12, "test"));
        first.append(1, casualties(1));
        second.append(2, casualties(2));
        first.append(3, casualties(3));
        assertThatThrownBy(() -> second.append(3, casualties(30)))
                .as("a stale decision is a conflict, caught before anything is inserted")
                .isInstanceOf(ConcurrencyException.class);

        // The first writer's append commits only with the outer transaction it joined, which then rolls back: the
        // leaf it remembered belongs to a row the store never kept.
        Transaction outer = first.transactions().startTransaction();
        first.append(4, casualties(4));
        outer.rollback();
        second.append(4, casualties(40));
        first.append(5, casualties(5));
        second.append(6, casualties(6));

        try (Connection connection = store.dataSource().getConnection()) {
            List<Event> events = Tables.events(connection);
            assertThat(events).extracting(Event::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(events.get(4).payload()).asString().contains("\"killed\":40");
            Map<Long, String> expected = new LinkedHashMap<>();
            Tables.recomputedLeaves(events).forEach((position, leaf) -> expected.put(position, Hashes.hex(leaf)));
            assertThat(storedLeaves(connection)).isEqualTo(expected);
        }
        assertThat(new Integrity(store.dataSource(), directory.resolve("keys")).verify(done -> { }).intact())
                .isTrue();
    }

    private static Map<Long, String> storedLeaves(Connection connection) throws SQLException {
        Map<Long, String> leaves = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT global_index, leaf_hash FROM event_hash ORDER BY global_index");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                leaves.put(rows.getLong("global_index"), Hashes.hex(rows.getBytes("leaf_hash")));
            }
        }
        return leaves;
    }
}
