package dev.parley.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Where figures are measured: an embedded H2 file database in a temporary directory, or an embedded PostgreSQL
 * server. Each figure group gets fresh databases of its own.
 */
abstract class StoreKind implements AutoCloseable {

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

    static StoreKind postgres() throws IOException {
        return new Postgres(Files.createTempDirectory("parley-bench-pg"));
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

        private final EmbeddedPostgres server;

        Postgres(Path directory) throws IOException {
            super(directory);
            this.server = EmbeddedPostgres.builder().start();
        }

        @Override
        String name() {
            return "postgres";
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
