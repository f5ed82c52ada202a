package uk.gov.council.commissioning.cases;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

  private final AdvisoryLock lock;

  public EngineSchemaLock(DataSource dataSource) {
    this.lock =
        new AdvisoryLock(dataSource, LOCK_KEY, "the engine schema lock", EngineSchemaLock.class);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    lock.take("another node may be creating the engine's tables");
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    lock.release();
  }

  @Override
  public void destroy() {
    lock.release();
  }

  /** Whether this node holds the lock now (between preInit and the engine being built). */
  boolean isHeld() {
    return lock.isHeld();
  }
}
