package dev.parley.application.storage;

import dev.parley.projections.schema.Tables.DomainEvents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The last stored event of a stream: its sequence number and its position. A position is handed out once, so the
 * pair names one stored row, and a leaf remembered for it is that row's leaf.
 */
record StreamTip(long sequence, long position) {

    /** Where a stream without events stands: its next event is sequence 0. */
    static final StreamTip EMPTY = new StreamTip(-1, -1);

    /** Streams whose tips one statement reads at most. */
    private static final int PER_STATEMENT = 100;
    private static final String LAST_SEQUENCE = "last_sequence";
    private static final String LAST_POSITION = "last_position";

    boolean isEmpty() {
        return sequence < 0;
    }

    /**
     * Where each of {@code streams} stands in the store, read in a statement per {@value #PER_STATEMENT} streams
     * (under the append lock, so nothing can slip in after); a stream the store does not hold yet is absent.
     */
    static Map<String, StreamTip> of(Connection connection, Collection<String> streams) throws SQLException {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(streams));
        Map<String, StreamTip> tips = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += PER_STATEMENT) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + PER_STATEMENT));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + DomainEvents.AGGREGATE_IDENTIFIER + ", MAX(" + DomainEvents.SEQUENCE_NUMBER + ") AS "
                            + LAST_SEQUENCE + ", MAX(" + DomainEvents.GLOBAL_INDEX + ") AS " + LAST_POSITION
                            + " FROM " + DomainEvents.TABLE + " WHERE " + DomainEvents.AGGREGATE_IDENTIFIER + " IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") GROUP BY "
                            + DomainEvents.AGGREGATE_IDENTIFIER)) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        // A stream's positions grow with its sequence numbers, so the two maxima are one row's.
                        tips.put(rows.getString(1), new StreamTip(rows.getLong(LAST_SEQUENCE),
                                                                  rows.getLong(LAST_POSITION)));
                    }
                }
            }
        }
        return tips;
    }
}
