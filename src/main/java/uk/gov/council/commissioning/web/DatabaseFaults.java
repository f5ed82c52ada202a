package uk.gov.council.commissioning.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database being out of reach (a lost connection, a pool that cannot hand
 * one out, a server shutting down) rather than a fault of the request or of the application: the
 * same request may succeed a moment later, so the answer is 503 with Retry-After, not 500.
 *
 * <p>The engine wraps what the driver threw in its own exceptions (ProcessEngineException, MyBatis'
 * PersistenceException) and Spring in its own, so the whole cause chain is looked at.
 */
public final class DatabaseFaults {

  private DatabaseFaults() {}

  public static boolean isConnectionFault(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 50; t = t.getCause(), depth++) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof QueryTimeoutException
          || t instanceof TransientDataAccessResourceException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 is a connection exception; 57P01 to 57P03 are PostgreSQL's server shutting
   * down or not yet accepting connections.
   */
  private static boolean isConnectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || "57P01".equals(state)
            || "57P02".equals(state)
            || "57P03".equals(state));
  }
}
