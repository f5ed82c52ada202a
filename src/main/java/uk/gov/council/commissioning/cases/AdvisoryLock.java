package uk.gov.council.commissioning.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session advisory lock held on a connection of its own, for work that one node at a
 * time may do when several start together. A node that dies outright loses its session, and
 * PostgreSQL lets the lock go with it.
 */
final class AdvisoryLock {

  private final Logger log;
  private final DataSource dataSource;
  private final long key;
  private final String name;
  private Connection held;

  /**
   * @param key any number no other lock of ours uses
   * @param name what the log calls it, e.g. "the engine schema lock"
   * @param owner whose log lines these are
   */
  AdvisoryLock(DataSource dataSource, long key, String name, Class<?> owner) {
    this.log = LoggerFactory.getLogger(owner);
    this.dataSource = dataSource;
    this.key = key;
    this.name = name;
  }

  /** Waits for the lock and takes it; nothing on a database other than PostgreSQL. */
  synchronized void take(String waitingFor) {
    if (held != null || !Databases.isPostgres(dataSource)) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
        lock.setLong(1, key);
        log.info("Waiting for {} ({})", name, waitingFor);
        lock.execute();
      }
      held = connection;
      log.info("Holding {}", name);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("Could not take " + name, e);
    }
  }

  synchronized boolean isHeld() {
    return held != null;
  }

  synchronized void release() {
    if (held == null) {
      return;
    }
    try (PreparedStatement unlock = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, key);
      unlock.execute();
      log.info("Released {}", name);
    } catch (SQLException e) {
      // A connection that cannot run the unlock has most likely lost its session, and the lock
      // with it; the pool discards a broken connection.
      log.warn("Could not release {}; closing its connection", name, e);
    } finally {
      closeQuietly(held);
      held = null;
    }
  }

  private void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("Could not close the connection of {}", name, e);
    }
  }
}
