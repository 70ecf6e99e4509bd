package dev.parley.projections.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.projections.json.ParleyJson;
import dev.parley.projections.support.Jdbc;
import dev.parley.projections.schema.Tables.StatusView;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.util.List;
import java.util.Optional;

import static dev.parley.projections.schema.Tables.StatusView.AGGREGATE_ID;
import static dev.parley.projections.schema.Tables.StatusView.AGGREGATE_TYPE;
import static dev.parley.projections.schema.Tables.StatusView.DOCUMENT;
import static dev.parley.projections.schema.Tables.StatusView.LAST_POSITION;
import static dev.parley.projections.schema.Tables.StatusView.LAST_SEQUENCE;

/**
 * Keeps one JSON document per aggregate in {@code status_view}, with the sequence and position of the last event
 * folded into it, which makes applying an event twice harmless.
 */
final class StatusStore {

    /** A stored document and the sequence of the last event folded into it. */
    record Row(String document, long lastSequence) {
    }

    /** A document to write, after the event at {@code lastSequence} and {@code lastPosition}. */
    record Write(String aggregateType, String aggregateId, Object view, long lastSequence, long lastPosition) {
    }

    private final Jdbc jdbc;
    private final ObjectMapper json = ParleyJson.mapper();

    StatusStore(ConnectionProvider connections) {
        this.jdbc = new Jdbc(connections);
    }

    Optional<Row> find(String aggregateType, String aggregateId) {
        return jdbc.query("SELECT " + DOCUMENT + ", " + LAST_SEQUENCE + " FROM " + StatusView.TABLE
                                  + " WHERE " + AGGREGATE_TYPE + " = ? AND " + AGGREGATE_ID + " = ?",
                          statement -> {
                              statement.setString(1, aggregateType);
                              statement.setString(2, aggregateId);
                          },
                          row -> new Row(row.getString(DOCUMENT), row.getLong(LAST_SEQUENCE)))
                   .stream().findFirst();
    }

    void insert(List<Write> writes) {
        jdbc.batch("INSERT INTO " + StatusView.TABLE + " (" + DOCUMENT + ", " + LAST_SEQUENCE + ", " + LAST_POSITION
                           + ", " + AGGREGATE_TYPE + ", " + AGGREGATE_ID + ") VALUES (?, ?, ?, ?, ?)", writes,
                   this::bind);
    }

    void update(List<Write> writes) {
        jdbc.batch("UPDATE " + StatusView.TABLE + " SET " + DOCUMENT + " = ?, " + LAST_SEQUENCE + " = ?, "
                           + LAST_POSITION + " = ? WHERE " + AGGREGATE_TYPE + " = ? AND " + AGGREGATE_ID + " = ?",
                   writes, this::bind);
    }

    private void bind(java.sql.PreparedStatement statement, Write write) throws java.sql.SQLException {
        statement.setString(1, write(write.view()));
        statement.setLong(2, write.lastSequence());
        statement.setLong(3, write.lastPosition());
        statement.setString(4, write.aggregateType());
        statement.setString(5, write.aggregateId());
    }

    <T> List<T> all(String aggregateType, String aggregateIdOrNull, Class<T> viewType) {
        return jdbc.query("SELECT " + DOCUMENT + " FROM " + StatusView.TABLE + " WHERE " + AGGREGATE_TYPE + " = ?"
                                  + (aggregateIdOrNull == null ? "" : " AND " + AGGREGATE_ID + " = ?")
                                  + " ORDER BY " + AGGREGATE_ID,
                          statement -> {
                              statement.setString(1, aggregateType);
                              if (aggregateIdOrNull != null) {
                                  statement.setString(2, aggregateIdOrNull);
                              }
                          },
                          row -> read(row.getString(DOCUMENT), viewType));
    }

    /** Every aggregate with a status, as its id, ordered by id. */
    List<String> ids() {
        return jdbc.query("SELECT " + AGGREGATE_ID + " FROM " + StatusView.TABLE + " ORDER BY " + AGGREGATE_ID,
                          statement -> {
                          }, row -> row.getString(AGGREGATE_ID));
    }

    void clear() {
        jdbc.update("DELETE FROM " + StatusView.TABLE, statement -> {
        });
    }

    <T> T read(String document, Class<T> viewType) {
        try {
            return json.readValue(document, viewType);
        } catch (JsonProcessingException e) {
            throw new StatusStorageException("unreadable status document", e);
        }
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new StatusStorageException("cannot write a status document", e);
        }
    }
}
