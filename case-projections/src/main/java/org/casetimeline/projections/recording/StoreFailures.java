package org.casetimeline.projections.recording;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Reads what a failed write to PostgreSQL means, however Axon or Spring wrapped the driver's exception. */
public final class StoreFailures {

    private StoreFailures() {
    }

    /** A unique violation (SQL state 23505): for the event table, another append took this case's next sequence. */
    public static boolean duplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if ("23505".equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * PostgreSQL ended the transaction for running past the service's limit (SQL state 25P04, ServiceRoleConfiguration),
     * most often while it waited for another writer. It closes the connection with it, so Spring's rollback fails too
     * and reports that failure first; the timeout is then the application exception it overrode.
     */
    public static boolean ranPastTheLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && ranPastTheLimit(rollback.getApplicationException())) {
                return true;
            }
            if (cause instanceof SQLException sql && "25P04".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database is out of reach: no connection, a broken one (SQL state class 08, or a commit or rollback that
     * failed on it), or a server shutting down (57P).
     */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof SQLTransientConnectionException || cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
