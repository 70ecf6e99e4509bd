package dev.parley.application.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import static dev.parley.projections.schema.Tables.DomainEvents.AGGREGATE_IDENTIFIER;
import static dev.parley.projections.schema.Tables.DomainEvents.EVENT_IDENTIFIER;
import static dev.parley.projections.schema.Tables.DomainEvents.GLOBAL_INDEX;
import static dev.parley.projections.schema.Tables.DomainEvents.META_DATA;
import static dev.parley.projections.schema.Tables.DomainEvents.PAYLOAD;
import static dev.parley.projections.schema.Tables.DomainEvents.PAYLOAD_REVISION;
import static dev.parley.projections.schema.Tables.DomainEvents.PAYLOAD_TYPE;
import static dev.parley.projections.schema.Tables.DomainEvents.SEQUENCE_NUMBER;
import static dev.parley.projections.schema.Tables.DomainEvents.TIME_STAMP;
import static dev.parley.projections.schema.Tables.DomainEvents.TYPE;

/** Reading the event table's rows as leaf inputs. */
public final class StoredRows {

    private static final List<String> NAMES = List.of(GLOBAL_INDEX, TYPE, AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER,
                                                      EVENT_IDENTIFIER, PAYLOAD_TYPE, PAYLOAD_REVISION, TIME_STAMP,
                                                      PAYLOAD, META_DATA);

    /** The event table's columns a leaf hash covers, for a SELECT list. */
    public static final String COLUMNS = String.join(", ", NAMES);

    /**
     * The columns, qualified by a table alias for joins.
     *
     * @param alias the event table's alias
     * @return the SELECT list
     */
    public static String columns(String alias) {
        return NAMES.stream().map(name -> alias + "." + name).collect(Collectors.joining(", "));
    }

    private StoredRows() {
    }

    /**
     * Reads an event row selected with {@link #COLUMNS}.
     *
     * @param row the result set, on the row to read
     * @return the event's leaf input
     * @throws SQLException if a column cannot be read
     */
    public static LeafInput read(ResultSet row) throws SQLException {
        return new LeafInput(row.getLong(GLOBAL_INDEX), row.getString(TYPE), row.getString(AGGREGATE_IDENTIFIER),
                             row.getLong(SEQUENCE_NUMBER), row.getString(EVENT_IDENTIFIER),
                             row.getString(PAYLOAD_TYPE), row.getString(PAYLOAD_REVISION), row.getString(TIME_STAMP),
                             row.getBytes(PAYLOAD), row.getBytes(META_DATA));
    }
}
