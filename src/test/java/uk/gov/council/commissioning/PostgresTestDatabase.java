package uk.gov.council.commissioning;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * A throwaway PostgreSQL database for one test class, so a run never depends on what an earlier run
 * left behind. Created on the local server (PGHOST, PGPORT, PGUSER and PGPASSWORD override the
 * defaults) before the Spring context starts, dropped after it has been closed.
 *
 * <p>If the server cannot be reached the test fails: a PostgreSQL test that quietly skips would let
 * a change that breaks PostgreSQL through.
 *
 * <p>Use, on a {@code @SpringBootTest} class:
 *
 * <pre>
 * &#64;TestExecutionListeners(listeners = PostgresTestDatabase.Lifecycle.class, mergeMode = MERGE_WITH_DEFAULTS)
 * ...
 * &#64;DynamicPropertySource
 * static void postgres(DynamicPropertyRegistry registry) {
 *   PostgresTestDatabase.createFor(ThisTest.class, registry);
 * }
 * </pre>
 */
public final class PostgresTestDatabase {

  private static final Map<Class<?>, PostgresTestDatabase> BY_TEST_CLASS =
      new ConcurrentHashMap<>();

  /** The database every connection to create or drop a test database goes through. */
  private static final String MAINTENANCE_DATABASE = "test";

  private final String host;
  private final String port;
  private final String user;
  private final String password;
  private final String name;
  private final Thread dropOnExit;
  private boolean dropped;

  private PostgresTestDatabase(
      String host, String port, String user, String password, String name) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.name = name;
    // For a JVM that ends before the test class does (an aborted run), so the database is not left
    // behind.
    this.dropOnExit = new Thread(this::dropQuietly, "drop-" + name);
  }

  /**
   * Creates a database named {@code commissioning_test_<random>} for the test class and points the
   * application's data source at it. Call from a {@code @DynamicPropertySource} method, which runs
   * only when the class's Spring context is about to start.
   */
  public static PostgresTestDatabase createFor(
      Class<?> testClass, DynamicPropertyRegistry registry) {
    PostgresTestDatabase database = create();
    PostgresTestDatabase earlier = BY_TEST_CLASS.put(testClass, database);
    if (earlier != null) {
      earlier.drop();
    }
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", () -> database.user);
    registry.add("spring.datasource.password", () -> database.password);
    return database;
  }

  /** The database created for the test class. */
  public static PostgresTestDatabase of(Class<?> testClass) {
    PostgresTestDatabase database = BY_TEST_CLASS.get(testClass);
    if (database == null) {
      throw new IllegalStateException("No PostgreSQL test database for " + testClass.getName());
    }
    return database;
  }

  private static PostgresTestDatabase create() {
    String host = env("PGHOST", "127.0.0.1");
    String port = env("PGPORT", "5432");
    String user = env("PGUSER", "postgres");
    String password = env("PGPASSWORD", "");
    String name =
        "commissioning_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    PostgresTestDatabase database = new PostgresTestDatabase(host, port, user, password, name);
    try (Connection connection = database.connect(MAINTENANCE_DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL test database could not be created: is PostgreSQL running at "
              + host
              + ":"
              + port
              + " with database '"
              + MAINTENANCE_DATABASE
              + "' and user '"
              + user
              + "'? (set PGHOST, PGPORT, PGUSER, PGPASSWORD to use another server) - "
              + e.getMessage(),
          e);
    }
    Runtime.getRuntime().addShutdownHook(database.dropOnExit);
    return database;
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return url(name);
  }

  /** Drops the database, ending any connection still open to it. */
  public synchronized void drop() {
    if (dropped) {
      return;
    }
    try (Connection connection = connect(MAINTENANCE_DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      dropped = true;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL test database " + name + " could not be dropped: " + e.getMessage(), e);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(dropOnExit);
    } catch (IllegalStateException shuttingDown) {
      // Called from the hook itself, or while the JVM is already exiting.
    }
  }

  private void dropQuietly() {
    try {
      drop();
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
    }
  }

  private Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (!password.isEmpty()) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(url(database), properties);
  }

  private String url(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  private static String env(String variable, String fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /**
   * After the test class: closes its Spring context, so no pooled connection is left open, then
   * drops its database. Ordered first, so that after the class it runs last, once every other
   * listener (and any {@code @DirtiesContext}) is done with the context.
   */
  public static final class Lifecycle implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void afterTestClass(TestContext testContext) {
      PostgresTestDatabase database = BY_TEST_CLASS.remove(testContext.getTestClass());
      if (database == null) {
        return;
      }
      try {
        if (testContext.hasApplicationContext()) {
          testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
        }
      } finally {
        database.drop();
      }
    }
  }
}
