package dev.parley.projections.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;
import java.util.Objects;

/**
 * The one declaration of a read model. Parley runs its projection in a streaming processor named after it, migrates
 * its tables, compares those tables before and after {@code parley replay}, copies nothing of it into a what-if fork
 * but asks {@link #forkAnswers} there instead, and reports its lag. Adding a read model is writing one of these and
 * registering it ({@code Parley.builder().readModel(...)}); nothing else names it.
 *
 * @param name        its processing group, which is also the name of its processor and of its tokens
 * @param projection  makes the projection: an object with {@code @EventHandler}s, a {@code @ResetHandler} that
 *                    empties its tables, and the {@code @QueryHandler}s that read them
 * @param tables      every table it fills, with the columns that identify a row (compared after a replay)
 * @param migrations  the Flyway migrations that create its tables
 * @param forkAnswers makes the query handlers that answer its queries inside a what-if fork
 * @param historyAnswers makes the query handler that answers, on the record, its queries that read the event
 *                    store rather than its tables (time travel); null when it has none
 */
public record ReadModel(String name, Projection projection, List<Table> tables, Migrations migrations,
                        ForkAnswers forkAnswers, HistoryAnswers historyAnswers) {

    /**
     * Checks the declaration.
     *
     * @param name its processing group, which is also the name of its processor and of its tokens
     * @param projection makes the projection: an object with {@code @EventHandler}s, a {@code @ResetHandler} that
     *     empties its tables, and the {@code @QueryHandler}s that read them
     * @param tables every table it fills, with the columns that identify a row (compared after a replay)
     * @param migrations the Flyway migrations that create its tables
     * @param forkAnswers makes the query handlers that answer its queries inside a what-if fork
     * @param historyAnswers makes the query handler that answers, on the record, its queries that read the event store
     *     rather than its tables (time travel); null when it has none
     * @throws NullPointerException if the name, projection, migrations or fork answers are missing
     * @throws IllegalArgumentException if the name is blank or no table is declared
     */
    public ReadModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(forkAnswers, "forkAnswers");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a read model needs a name");
        }
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("read model " + name + " declares no table");
        }
    }

    /**
     * A read model whose every query reads its tables.
     *
     * @param name its processing group, which is also the name of its processor and of its tokens
     * @param projection makes the projection
     * @param tables every table it fills, with the columns that identify a row
     * @param migrations the Flyway migrations that create its tables
     * @param forkAnswers makes the query handlers that answer its queries inside a what-if fork
     */
    public ReadModel(String name, Projection projection, List<Table> tables, Migrations migrations,
                     ForkAnswers forkAnswers) {
        this(name, projection, tables, migrations, forkAnswers, null);
    }

    /** Makes a read model's projection over the connections of the processor's transaction. */
    @FunctionalInterface
    public interface Projection {
        /**
         * Makes the projection.
         *
         * @param connections connections that take part in the processor's transaction
         * @return an object with event, reset and query handlers
         */
        Object create(ConnectionProvider connections);
    }

    /** Makes the query handler that answers a read model's queries from the record's event store. */
    @FunctionalInterface
    public interface HistoryAnswers {
        /**
         * Makes the query handler.
         *
         * @param events the record's event store
         * @param connections connections to the record's database
         * @return an object with query handlers
         */
        Object create(EventStore events, ConnectionProvider connections);
    }

    /** Makes the query handlers that answer a read model's queries inside a fork, from the fork's history. */
    @FunctionalInterface
    public interface ForkAnswers {
        /**
         * Makes the query handlers.
         *
         * @param history what the fork offers
         * @return objects with query handlers
         */
        List<Object> create(ForkHistory history);
    }

    /**
     * A table of a read model and the columns that identify one of its rows, in the order rows are compared.
     *
     * @param name the table's name
     * @param keyColumns the columns that identify a row, at least one
     */
    public record Table(String name, List<String> keyColumns) {

        /**
         * Checks the declaration.
         *
         * @param name the table's name
         * @param keyColumns the columns that identify a row, at least one
         * @throws NullPointerException if the name is missing
         * @throws IllegalArgumentException if there are no key columns
         */
        public Table {
            Objects.requireNonNull(name, "name");
            keyColumns = List.copyOf(keyColumns);
            if (keyColumns.isEmpty()) {
                throw new IllegalArgumentException("table " + name + " needs key columns");
            }
        }
    }

    /**
     * Where a read model's Flyway migrations are and which history table records them. Migrations sharing a history
     * table share one sequence of versions and run together.
     *
     * @param location the Flyway location of the scripts, such as {@code classpath:db/parley}
     * @param historyTable the Flyway history table that records them
     */
    public record Migrations(String location, String historyTable) {

        /**
         * Parley's own schema: its migrations, in every Parley jar, recorded in Parley's own history table. The
         * built-in read models' migrations belong to it because existing stores recorded them there.
         */
        public static final Migrations PARLEY = new Migrations("classpath:db/parley", "parley_schema_history");

        /**
         * Checks the declaration.
         *
         * @param location the Flyway location of the scripts, such as {@code classpath:db/parley}
         * @param historyTable the Flyway history table that records them
         * @throws NullPointerException if either is missing
         */
        public Migrations {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(historyTable, "historyTable");
        }
    }
}
