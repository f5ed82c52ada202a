package uk.gov.council.commissioning.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Every SQL statement the application and the engine send, counted the way the database sees them:
 * each execution, each statement of a JDBC batch, and each commit, rollback and savepoint. A commit
 * of a transaction that sent nothing is left out: the driver does not send it either. Import it
 * into a test's context ({@code @Import(StatementLog.Wiring.class)}) and wrap the work to count in
 * {@link #record}; only statements sent from the recording thread are kept.
 */
public final class StatementLog {

  private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

  private static final Set<String> EXECUTIONS =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

  private static final Pattern TABLE =
      Pattern.compile(
          "(?:\\bfrom|\\binto|^\\s*update|\\bjoin)\\s+([a-z_][a-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);

  private final List<String> statements;

  private StatementLog(List<String> statements) {
    this.statements = List.copyOf(statements);
  }

  /** Runs {@code work} on this thread and returns the statements it sent. */
  public static StatementLog record(Runnable work) {
    List<String> sent = new ArrayList<>();
    RECORDING.set(sent);
    try {
      work.run();
    } finally {
      RECORDING.remove();
    }
    return new StatementLog(sent);
  }

  /** Every statement, in the order sent. */
  public List<String> statements() {
    return statements;
  }

  public int count() {
    return statements.size();
  }

  /** How many statements match. */
  public long count(Predicate<String> which) {
    return statements.stream().filter(which).count();
  }

  /** The statements that name the application's table first (not one of the engine's ACT_). */
  public List<String> onTable(String table) {
    return statements.stream().filter(sql -> table.equalsIgnoreCase(firstTable(sql))).toList();
  }

  /** Statements on the engine's tables (ACT_...), commits and savepoints left out. */
  public long engine() {
    return count(sql -> firstTable(sql) != null && firstTable(sql).startsWith("act_"));
  }

  /** Statements on the application's own tables. */
  public long application() {
    return count(sql -> firstTable(sql) != null && !firstTable(sql).startsWith("act_"));
  }

  /** Commits sent: the transactions the work ended. */
  public long commits() {
    return count("COMMIT"::equals);
  }

  /** The first table a statement names, in lower case; null for a commit and the like. */
  static String firstTable(String sql) {
    Matcher m = TABLE.matcher(sql);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(count())
        .append(" statements (engine ")
        .append(engine())
        .append(", application ")
        .append(application())
        .append(", commits ")
        .append(commits())
        .append("):\n");
    statements.forEach(sql -> out.append("  ").append(sql.replaceAll("\\s+", " ")).append('\n'));
    return out.toString();
  }

  private static void sent(String sql) {
    List<String> sent = RECORDING.get();
    if (sent == null) {
      return;
    }
    boolean commit = sql.equals("COMMIT");
    if (commit && (sent.isEmpty() || sent.get(sent.size() - 1).equals("COMMIT"))) {
      return;
    }
    sent.add(sql);
  }

  /** Wraps the application's data source, so that the engine's statements are counted too. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Wiring {

    @Bean
    static BeanPostProcessor statementLogDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource dataSource && name.equals("dataSource")
              ? new Counting(dataSource)
              : bean;
        }
      };
    }
  }

  private static final class Counting extends DelegatingDataSource {

    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return connection(super.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return connection(super.getConnection(user, password));
    }

    private static Connection connection(Connection target) {
      return proxy(
          Connection.class,
          (proxy, method, args) -> {
            switch (method.getName()) {
              case "equals" -> {
                return proxy == args[0];
              }
              case "hashCode" -> {
                return System.identityHashCode(proxy);
              }
              case "commit" -> sent("COMMIT");
              case "rollback" -> sent(args == null ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT");
              case "setSavepoint" -> sent("SAVEPOINT");
              case "releaseSavepoint" -> sent("RELEASE SAVEPOINT");
              default -> {}
            }
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement) {
              String sql = method.getName().startsWith("prepare") ? String.valueOf(args[0]) : null;
              return statement(statement, sql, method.getReturnType());
            }
            return result;
          });
    }

    private static Object statement(Statement target, String preparedSql, Class<?> type) {
      return proxy(
          type,
          (proxy, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
              boolean withSql = args != null && args.length > 0 && args[0] instanceof String;
              sent(withSql ? (String) args[0] : preparedSql);
            }
            return invoke(target, method, args);
          });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
      return (T)
          Proxy.newProxyInstance(
              StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
