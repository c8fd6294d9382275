package io.signflow.common;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Classifies failures that come out of a transaction: worth another attempt, or the database is gone. */
public final class Failures {

    private Failures() {
    }

    /** Two transactions touched the same rows (engine optimistic lock, deadlock, serialization): retrying is safe. */
    public static boolean isTransientConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01")
                    || sql.getSQLState().equals("HYT00"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * The connection pool had no free connection within its timeout while the database was reachable:
     * the pool's timeout carries the last failure to connect as its cause when the database is away,
     * and none when every connection was simply in use.
     */
    public static boolean isConnectionPoolExhausted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException pool) {
                return pool.getCause() == null;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    public static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // a commit or rollback the database could not carry out; the failure that led to it is kept aside
            if (t instanceof TransactionSystemException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && isUnavailableState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Connection failures (08), and the server shutting down, restarting or refusing connections for now (57P01–57P03):
     * a statement running through the engine at the moment PostgreSQL stops sees 57P01 before the connection breaks.
     * Insufficient resources (53: too many connections, disk full, out of memory) is the database away too.
     */
    private static boolean isUnavailableState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.startsWith("53");
    }

    public static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5L * attempt, 25L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
