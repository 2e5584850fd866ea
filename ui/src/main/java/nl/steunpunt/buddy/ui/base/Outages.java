package nl.steunpunt.buddy.ui.base;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure that the user can only wait out: the database cannot be reached (restarting,
 * network gone). The screens then say so in the user's language instead of reporting an unexpected error;
 * the transaction was rolled back, so nothing was half-saved and the user can try again.
 */
public final class Outages {

    /** The message shown meanwhile. */
    public static final String DATABASE_UNAVAILABLE = "error.database.unavailable";

    private Outages() {
    }

    public static boolean databaseUnreachable(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof CannotCreateTransactionException || current instanceof DataAccessResourceFailureException
                    || current instanceof SQLTransientConnectionException || current instanceof ConnectException
                    || current instanceof TransactionSystemException && current.getCause() == null
                    || current instanceof SQLException sql && connectionState(sql.getSQLState())
                    || current.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    /** SQL state class 08 (connection exception) or 57P (the server is shutting down, crashed or starting). */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
