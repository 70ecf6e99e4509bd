package dev.parley.application.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.projections.readmodel.ReadModel;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * A Parley store: a pooled connection to the database at a JDBC URL whose schema is brought up to date by the
 * Flyway migrations on opening ({@link Migrations}). The same migrations serve H2 and PostgreSQL.
 */
public final class Store implements AutoCloseable {

    /** The embedded default: an H2 file database under {@code ./parley-data/}. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./parley-data/parley";

    /** Connections per store: command threads plus one per read-model segment being processed at once. */
    private static final int POOL_SIZE = 10;
    private static final int LOCK_TIMEOUT_MILLIS = 30_000;
    /**
     * Parsed statements H2 keeps per connection. Its default of 8 is fewer than the statements of one command
     * (append lock, stream check, inserts, hashes, the stream-type and aggregate reads), so each was parsed anew
     * every time: a tenth of a command's time in the profile (docs/profiles/commands.md).
     */
    private static final String H2_QUERY_CACHE = "QUERY_CACHE_SIZE";
    private static final int H2_QUERY_CACHE_SIZE = 64;
    /**
     * H2 writes committed transactions to its file within a second by default, so a killed process loses what it
     * committed last; at 0 each commit is written before it returns, as a command reported accepted must be. Group
     * commit (GroupCommit) makes that one write per group of commands.
     */
    private static final String H2_WRITE_DELAY = "WRITE_DELAY";
    /** Whether H2 closes a database itself when the JVM exits; Parley's store closes it instead. */
    private static final String H2_CLOSE_ON_EXIT = "DB_CLOSE_ON_EXIT";
    /** Less free space than this, and a failed write is put down to a full disk: H2 writes in chunks of about this. */
    private static final long NEARLY_FULL_BYTES = 1024 * 1024;

    private final String url;
    private final DataSource dataSource;
    private final AutoCloseable owned;

    private Store(String url, DataSource dataSource, AutoCloseable owned) {
        this.url = url;
        this.dataSource = dataSource;
        this.owned = owned;
    }

    /**
     * A store over a {@link DataSource} the caller owns (an embedding application's pool), migrated on opening;
     * closing the store leaves the data source open. Its database may already hold the application's own tables:
     * Parley's are created beside them.
     *
     * @param dataSource the application's data source
     * @return the migrated store
     * @throws StoreUnusableException if the data source cannot be used or migrated
     */
    public static Store of(DataSource dataSource) {
        return of(dataSource, List.of());
    }

    /**
     * {@link #of(DataSource)}, also running the migrations of the read models that Parley will run.
     *
     * @param dataSource the application's data source
     * @param readModels the read models' migrations
     * @return the migrated store
     * @throws StoreUnusableException if the data source cannot be used or migrated
     */
    public static Store of(DataSource dataSource, List<ReadModel.Migrations> readModels) {
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
            Migrations.migrate(dataSource, true, readModels);
        } catch (SQLException | RuntimeException e) {
            throw new StoreUnusableException("cannot use the given data source: " + rootMessage(e), e);
        }
        return new Store(url, dataSource, null);
    }

    /**
     * Opens the store at {@code url} and migrates its schema; fails with {@link StoreUnusableException}.
     *
     * @param url a JDBC URL of H2 or PostgreSQL
     * @return the migrated store, to close when done
     */
    public static Store open(String url) {
        return open(url, List.of());
    }

    /**
     * {@link #open(String)}, also running the migrations of the read models that Parley will run.
     *
     * @param url a JDBC URL of H2 or PostgreSQL
     * @param readModels the read models' migrations
     * @return the migrated store, to close when done
     * @throws StoreUnusableException if the store cannot be opened or migrated
     */
    public static Store open(String url, List<ReadModel.Migrations> readModels) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new StoreUnusableException("not a JDBC URL: " + url, null);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (url.startsWith("jdbc:h2:")) {
            if (!url.toUpperCase(Locale.ROOT).contains(";" + H2_QUERY_CACHE + "=")) {
                // A database setting: it holds if this pool is the first to open the database in this JVM.
                config.setJdbcUrl(url + ";" + H2_QUERY_CACHE + "=" + H2_QUERY_CACHE_SIZE);
            }
            if (!url.toUpperCase(Locale.ROOT).contains(";" + H2_WRITE_DELAY + "=")) {
                config.setJdbcUrl(config.getJdbcUrl() + ";" + H2_WRITE_DELAY + "=0");
            }
            if (!url.toUpperCase(Locale.ROOT).contains(";" + H2_CLOSE_ON_EXIT + "=")
                    && !url.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=TRUE")) {
                // (H2 refuses the two together: a database shared through AUTO_SERVER keeps H2's own closing.)
                // H2 closes an open database in a shutdown hook of its own, while Parley's threads (read models, a
                // command in flight) may still use it: they fail with "Database is already closed" stack traces.
                // Closing is this store's job (close(), itself called on shutdown by whoever opened it).
                config.setJdbcUrl(config.getJdbcUrl() + ";" + H2_CLOSE_ON_EXIT + "=FALSE");
            }
            config.setUsername("sa");
            config.setPassword("");
            // H2 gives up on a row lock after 1 s by default; writers queue on the append lock for longer.
            config.setConnectionInitSql("SET LOCK_TIMEOUT " + LOCK_TIMEOUT_MILLIS);
        }
        String user = System.getenv("PARLEY_STORE_USER");
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
            config.setPassword(System.getenv().getOrDefault("PARLEY_STORE_PASSWORD", ""));
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(0);
        config.setPoolName("parley");
        // A refused login or an unreachable server is reported at once rather than after the pool gives up.
        config.setInitializationFailTimeout(1);
        HikariDataSource dataSource = null;
        try {
            dataSource = new HikariDataSource(config);
            try (Connection ignored = dataSource.getConnection()) {
                Migrations.migrate(dataSource, false, readModels);
            }
        } catch (SQLException | RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            throw new StoreUnusableException("cannot use the store at " + url + ": " + rootMessage(e), e);
        }
        return new Store(url, dataSource, dataSource);
    }

    /**
     * Whether this is an H2 file store whose disk has (almost) no space left. H2 may fail a write in a background
     * thread and then report only that the database is closed; this says why.
     *
     * @return true when the disk is (almost) full
     */
    public boolean onFullDisk() {
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return false;
        }
        String name = url.substring(8).split(";", 2)[0];
        if (name.startsWith("file:")) {
            name = name.substring(5);
        } else if (name.matches("^[a-z]{2,}:.*")) {
            return false;
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        try {
            java.nio.file.Path directory = java.nio.file.Path.of(name).toAbsolutePath().getParent();
            return directory != null
                    && java.nio.file.Files.getFileStore(directory).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (java.io.IOException | RuntimeException unknown) {
            return false;
        }
    }

    /**
     * The store's JDBC URL.
     *
     * @return the URL; over an application's data source, the one its driver reports
     */
    public String url() {
        return url;
    }

    /**
     * The store's data source.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new StoreUnusableException("cannot close the store at " + url + ": " + e.getMessage(), e);
            }
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.nio.file.AccessDeniedException denied) {
            // The JDK's message is only the path: say what happened to it.
            return denied.getFile() + ": permission denied";
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
