package dev.parley.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Where figures are measured: an embedded H2 file database in a temporary directory, or an embedded PostgreSQL
 * server, with zonky's defaults or durable. Each figure group gets fresh databases of its own.
 */
abstract class StoreKind implements AutoCloseable {

    static final String DURABLE = "postgres-durable";

    private final AtomicInteger databases = new AtomicInteger();
    final Path directory;

    StoreKind(Path directory) {
        this.directory = directory;
    }

    /** The name figures carry in brackets. */
    abstract String name();

    /** The JDBC URL of a new, empty database. */
    final String newDatabase(String label) {
        return create(label.replaceAll("[^a-z0-9]", "_") + "_" + databases.incrementAndGet());
    }

    abstract String create(String database);

    /** Where Parley may keep its signing key. */
    Path keys() {
        return directory.resolve("keys");
    }

    @Override
    public void close() throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    static StoreKind h2() throws IOException {
        return new H2(Files.createTempDirectory("parley-bench-h2"));
    }

    /** PostgreSQL as zonky's embedded server starts it, with {@code synchronous_commit=off}. */
    static StoreKind postgres() throws IOException {
        return new Postgres("postgres", Files.createTempDirectory("parley-bench-pg"), EmbeddedPostgres.builder());
    }

    /**
     * PostgreSQL that makes every commit durable before it returns ({@code fsync=on}, {@code synchronous_commit=on}),
     * as a production server does; checked on the server itself, as a later zonky could change its defaults.
     */
    static StoreKind durablePostgres() throws IOException {
        Postgres durable = new Postgres(DURABLE, Files.createTempDirectory("parley-bench-pg-durable"),
                                        EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                                                        .setServerConfig("synchronous_commit", "on"));
        durable.expect("fsync", "on");
        durable.expect("synchronous_commit", "on");
        return durable;
    }

    private static final class H2 extends StoreKind {

        H2(Path directory) {
            super(directory);
        }

        @Override
        String name() {
            return "h2";
        }

        @Override
        String create(String database) {
            return "jdbc:h2:file:" + directory.resolve(database).toAbsolutePath();
        }
    }

    private static final class Postgres extends StoreKind {

        private final String name;
        private final EmbeddedPostgres server;

        Postgres(String name, Path directory, EmbeddedPostgres.Builder builder) throws IOException {
            super(directory);
            this.name = name;
            this.server = builder.start();
        }

        @Override
        String name() {
            return name;
        }

        void expect(String setting, String value) throws IOException {
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet shown = statement.executeQuery("SHOW " + setting)) {
                shown.next();
                if (!shown.getString(1).equals(value)) {
                    close();
                    throw new IllegalStateException("the " + name + " server runs with " + setting + "="
                                                            + shown.getString(1) + ", not " + value);
                }
            } catch (SQLException e) {
                close();
                throw new IllegalStateException("cannot read " + setting + ": " + e.getMessage(), e);
            }
        }

        @Override
        String create(String database) {
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
            }
            return server.getJdbcUrl("postgres", database);
        }

        @Override
        public void close() throws IOException {
            try {
                server.close();
            } finally {
                super.close();
            }
        }
    }
}
