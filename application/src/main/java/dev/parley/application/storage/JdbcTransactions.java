package dev.parley.application.storage;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC transactions for Axon without Spring: one connection per thread while a transaction is open, shared by
 * the event store, the token store and the projections, so events, tokens and read models commit together. A
 * transaction started inside another joins it.
 */
public final class JdbcTransactions implements TransactionManager, ConnectionProvider {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    /**
     * Transactions on connections from {@code dataSource}.
     *
     * @param dataSource the store's data source
     */
    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        if (current.get() != null) {
            return JOINED;
        }
        Connection connection = open();
        current.set(connection);
        return new Transaction() {
            private boolean finished;

            @Override
            public void commit() {
                finished = true;
                finish(connection, true);
            }

            /** Nothing once committed: a unit of work rolls back after its commit when a later commit step failed. */
            @Override
            public void rollback() {
                if (!finished) {
                    finished = true;
                    finish(connection, false);
                }
            }
        };
    }

    /**
     * The connection of this thread's transaction, which its users may close without effect; outside a
     * transaction, a fresh auto-commit connection that its user closes.
     */
    @Override
    public Connection getConnection() throws SQLException {
        Connection bound = current.get();
        if (bound == null) {
            return dataSource.getConnection();
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> null;
                    case "isClosed" -> bound.isClosed();
                    default -> {
                        try {
                            yield method.invoke(bound, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }

    private Connection open() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new StoreUnusableException("cannot open a transaction: " + e.getMessage(), e);
        }
    }

    private void finish(Connection connection, boolean commit) {
        current.remove();
        try (connection) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreUnusableException("cannot " + (commit ? "commit" : "roll back") + ": " + e.getMessage(), e);
        }
    }
}
