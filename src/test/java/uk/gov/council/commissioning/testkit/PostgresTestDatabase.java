package uk.gov.council.commissioning.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A throwaway PostgreSQL database for one test run, so a run never depends on what an earlier run
 * left behind. Created on the local server (PGHOST, PGPORT, PGUSER and PGPASSWORD override the
 * defaults) when the first {@link PostgresProcessTest} context starts, dropped when the JVM ends
 * (with {@code FORCE}, as the cached context may still hold pooled connections then).
 *
 * <p>The JVM runs its shutdown hooks at once, so the drop waits for Spring's hook to close the
 * contexts that use the database: dropped under them, their pools and job executors would wait out
 * their connection timeouts and hold the JVM's exit for half a minute.
 *
 * <p>If the server cannot be reached the test fails: a PostgreSQL test that quietly skips would let
 * a change that breaks PostgreSQL through.
 */
public final class PostgresTestDatabase {

  /** The database every connection to create or drop a test database goes through. */
  private static final String MAINTENANCE_DATABASE = "test";

  private static PostgresTestDatabase forThisRun;

  private final String host;
  private final String port;
  private final String user;
  private final String password;
  private final String name;
  private final Thread dropOnExit;
  private boolean dropped;
  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  /** How long the drop at exit waits for the contexts to close before it drops anyway. */
  private static final long CONTEXTS_CLOSE_WAIT_MILLIS = 20_000;

  private PostgresTestDatabase(
      String host, String port, String user, String password, String name) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.name = name;
    this.dropOnExit = new Thread(this::dropQuietly, "drop-" + name);
  }

  /** The run's database, named {@code commissioning_test_<random>}, created on first use. */
  public static synchronized PostgresTestDatabase forThisRun() {
    if (forThisRun == null) {
      forThisRun = create();
    }
    return forThisRun;
  }

  /**
   * A database of its own for a test that runs the application as separate processes (the crash and
   * two-node tests): created now, dropped by {@link #drop()} or, failing that, when the JVM ends.
   */
  public static PostgresTestDatabase createOwn() {
    return create();
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

  /** Asserts the connection is to this run's own database, not a shared one. */
  public static void assertInUse(JdbcClient jdbc) {
    String current = jdbc.sql("SELECT current_database()").query(String.class).single();
    assertThat(current).isEqualTo(forThisRun().name()).startsWith("commissioning_test_");
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return url(name);
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** A new connection to this database, for a test's own checks. */
  public Connection connect() throws SQLException {
    return connect(name);
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

  private synchronized void usedBy(ConfigurableApplicationContext context) {
    contexts.add(context);
  }

  // A context is active until its beans, the pool among them, are destroyed.
  private void awaitContextsClosed() throws InterruptedException {
    long until = System.currentTimeMillis() + CONTEXTS_CLOSE_WAIT_MILLIS;
    while (System.currentTimeMillis() < until) {
      synchronized (this) {
        if (contexts.stream().noneMatch(ConfigurableApplicationContext::isActive)) {
          return;
        }
      }
      Thread.sleep(50);
    }
  }

  private void dropQuietly() {
    try {
      awaitContextsClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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

  /** Points the application's data source at the run's database. */
  public static final class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      PostgresTestDatabase database = forThisRun();
      database.usedBy(context);
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "postgresTestDatabase",
                  Map.of(
                      "spring.datasource.url", database.jdbcUrl(),
                      "spring.datasource.username", database.user,
                      "spring.datasource.password", database.password)));
    }
  }
}
