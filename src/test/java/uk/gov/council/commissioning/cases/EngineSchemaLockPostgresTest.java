package uk.gov.council.commissioning.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two nodes started together on an empty PostgreSQL database both come up (issue 17: one died on a
 * duplicate key in pg_type while the engine created its tables): each engine here is configured as
 * the application's is, with {@link EngineSchemaLock}, on a database of this test's own.
 */
class EngineSchemaLockPostgresTest {

  private static final String HOST = env("PGHOST", "127.0.0.1");
  private static final String PORT = env("PGPORT", "5432");
  private static final String USER = env("PGUSER", "postgres");
  private static final String PASSWORD = env("PGPASSWORD", "");

  private String database;
  private final List<ProcessEngine> engines = new ArrayList<>();
  private final ExecutorService nodes = Executors.newFixedThreadPool(2);

  @BeforeEach
  void createEmptyDatabase() throws SQLException {
    database =
        "commissioning_schema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = connect("test");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    nodes.shutdownNow();
    engines.forEach(ProcessEngine::close);
    try (Connection c = connect("test");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Test
  void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUp() throws Exception {
    CountDownLatch ready = new CountDownLatch(2);
    List<Future<ProcessEngine>> started = new ArrayList<>();
    for (int node = 1; node <= 2; node++) {
      String name = "schema-node-" + node + "-" + database;
      started.add(
          nodes.submit(
              () -> {
                StandaloneProcessEngineConfiguration configuration = configuration(name);
                ready.countDown();
                ready.await();
                return configuration.buildProcessEngine();
              }));
    }
    for (Future<ProcessEngine> node : started) {
      engines.add(node.get(3, TimeUnit.MINUTES));
    }

    assertThat(engines).hasSize(2);
    for (ProcessEngine engine : engines) {
      assertThat(engine.getManagementService().getTableCount()).containsKey("ACT_RU_JOB");
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
    }
    assertThat(lockHolders()).as("the lock is let go once the engines are built").isZero();
  }

  @Test
  void aNodeWaitsForTheLockBeforeItTouchesTheSchema() throws Exception {
    try (Connection other = connect(database);
        PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
      lock.setLong(1, EngineSchemaLock.LOCK_KEY);
      lock.execute();

      Future<ProcessEngine> node =
          nodes.submit(() -> configuration("schema-waiting-" + database).buildProcessEngine());
      boolean waited;
      try {
        node.get(3, TimeUnit.SECONDS);
        waited = false;
      } catch (TimeoutException stillWaiting) {
        waited = true;
      }
      assertThat(waited).as("the node waits while another holds the lock").isTrue();
      assertThat(tableCount()).as("and creates no table meanwhile").isZero();

      try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        unlock.setLong(1, EngineSchemaLock.LOCK_KEY);
        unlock.execute();
      }
      engines.add(node.get(3, TimeUnit.MINUTES));
    }
    assertThat(tableCount()).isPositive();
  }

  private StandaloneProcessEngineConfiguration configuration(String name) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setDataSource(dataSource());
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setDbMetricsReporterActivate(false);
    configuration.setMetricsEnabled(false);
    configuration.getProcessEnginePlugins().add(new EngineSchemaLock(dataSource()));
    return configuration;
  }

  private PGSimpleDataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database);
    dataSource.setUser(USER);
    if (!PASSWORD.isEmpty()) {
      dataSource.setPassword(PASSWORD);
    }
    return dataSource;
  }

  private long tableCount() throws SQLException {
    try (Connection c = connect(database);
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long lockHolders() throws SQLException {
    try (Connection c = connect(database);
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND ((classid::bigint << 32) | objid::bigint) = ?")) {
      s.setLong(1, EngineSchemaLock.LOCK_KEY);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Connection connect(String database) throws SQLException {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("user", USER);
    if (!PASSWORD.isEmpty()) {
      properties.setProperty("password", PASSWORD);
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, properties);
  }

  private static String env(String variable, String fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
