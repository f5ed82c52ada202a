package uk.gov.council.commissioning.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time create or update the engine's tables. Two nodes started together on an
 * empty PostgreSQL database both found no tables and both created them; one died on a duplicate key
 * in {@code pg_type}. The engine runs its schema operation in {@code ProcessEngineImpl}'s
 * constructor, after the plugins' {@code preInit} and before their {@code postProcessEngineBuild}:
 * this holds a PostgreSQL session advisory lock, on a connection of its own, between the two. The
 * node that waited then finds the tables made and only checks them.
 *
 * <p>If the engine fails to start, the context closes and {@link #destroy} lets the lock go; a node
 * that dies outright loses its session, and PostgreSQL lets the lock go with it. H2 is one node's
 * database: nothing to do. Flyway, which makes the application's own tables, takes its own lock.
 */
@Component
public class EngineSchemaLock extends AbstractProcessEnginePlugin implements DisposableBean {

  /** The lock's key: any number no other code of ours uses ("cmwfschm" in ASCII). */
  static final long LOCK_KEY = 0x636d7766_7363686dL;

  private static final Logger log = LoggerFactory.getLogger(EngineSchemaLock.class);

  private final DataSource dataSource;
  private Connection held;

  public EngineSchemaLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!Databases.isPostgres(dataSource)) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
        lock.setLong(1, LOCK_KEY);
        log.info("Waiting for the engine schema lock (another node may be creating the tables)");
        lock.execute();
      }
      held = connection;
      log.info("Holding the engine schema lock while the engine checks its tables");
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("Could not take the engine schema lock", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    release();
  }

  @Override
  public void destroy() {
    release();
  }

  /** Whether this node holds the lock now (between preInit and the engine being built). */
  synchronized boolean isHeld() {
    return held != null;
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (PreparedStatement unlock = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, LOCK_KEY);
      unlock.execute();
      log.info("Released the engine schema lock");
    } catch (SQLException e) {
      // A connection that cannot run the unlock has most likely lost its session, and the lock
      // with it; the pool discards a broken connection.
      log.warn("Could not release the engine schema lock; closing its connection", e);
    } finally {
      closeQuietly(held);
      held = null;
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("Could not close the engine schema lock's connection", e);
    }
  }
}
