package com.switchboard.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database (down, restarting, frozen, too slow) from a bug: the first is
 * answered 503 with {@code Retry-After}, "try again in a moment", and passes by itself.
 */
public final class DatabaseUnavailable {

    /** How long a client is asked to wait: the embedded server restarts within a few seconds. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
                    || t instanceof TransientDataAccessResourceException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // A rollback that fails on a broken connection hides the failure that caused it.
            if (t instanceof TransactionSystemException system && system.getApplicationException() != null
                    && causedBy(system.getApplicationException())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && unavailable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes of PostgreSQL (Appendix A, "PostgreSQL Error Codes"): 08 connection exception,
     * 57P01..57P03 the server shutting down or not yet accepting connections, 57014 a statement
     * cancelled by statement_timeout, 53300 too many connections.
     */
    private static boolean unavailable(String state) {
        return state.startsWith("08") || state.startsWith("57P") || "57014".equals(state) || "53300".equals(state);
    }
}
