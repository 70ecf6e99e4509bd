package dev.parley.application.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** Reading the event table's rows as leaf inputs. */
final class StoredRows {

    private static final List<String> NAMES = List.of("global_index", "type", "aggregate_identifier",
                                                      "sequence_number", "event_identifier", "payload_type",
                                                      "payload_revision", "time_stamp", "payload", "meta_data");

    static final String COLUMNS = String.join(", ", NAMES);

    /** The columns, qualified by a table alias for joins. */
    static String columns(String alias) {
        return NAMES.stream().map(name -> alias + "." + name).collect(Collectors.joining(", "));
    }

    private StoredRows() {
    }

    static LeafInput read(ResultSet row) throws SQLException {
        return new LeafInput(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                             row.getString(6), row.getString(7), row.getString(8), row.getBytes(9),
                             row.getBytes(10));
    }
}
