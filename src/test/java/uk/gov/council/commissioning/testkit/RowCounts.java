package uk.gov.council.commissioning.testkit;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * How many rows every table holds: the application's own (registers, cases, deadlines, outbox) and
 * the engine's (running and finished instances, tasks, variables). Two snapshots around a refused
 * request show whether it wrote anything.
 *
 * <p>Left out are the tables that change without any request: Flyway's history, the engine's
 * metrics and its property table.
 */
public final class RowCounts {

  private static final Set<String> WITHOUT_REQUESTS =
      Set.of(
          "FLYWAY_SCHEMA_HISTORY", "ACT_RU_METER_LOG", "ACT_RU_TASK_METER_LOG", "ACT_GE_PROPERTY");

  private static volatile List<String> tables;

  private final Map<String, Long> counts;

  private RowCounts(Map<String, Long> counts) {
    this.counts = counts;
  }

  /** The row count of every table, now, read in one statement. */
  public static RowCounts of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      List<String> names = tables(connection);
      StringBuilder sql = new StringBuilder();
      for (int i = 0; i < names.size(); i++) {
        sql.append(i == 0 ? "" : " union all ")
            .append("select ")
            .append(i)
            .append(", count(*) from ")
            .append(names.get(i));
      }
      Map<String, Long> counts = new TreeMap<>();
      try (ResultSet rows = statement.executeQuery(sql.toString())) {
        while (rows.next()) {
          counts.put(names.get(rows.getInt(1)), rows.getLong(2));
        }
      }
      return new RowCounts(counts);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count rows", e);
    }
  }

  /** The tables whose count differs from {@code before}'s, each as "table: before → now". */
  public List<String> changedSince(RowCounts before) {
    List<String> changed = new ArrayList<>();
    counts.forEach(
        (table, now) -> {
          Long then = before.counts.get(table);
          if (!now.equals(then)) {
            changed.add(table + ": " + then + " → " + now);
          }
        });
    return changed;
  }

  /** The number of tables counted. */
  public int tableCount() {
    return counts.size();
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> known = tables;
    if (known != null) {
      return known;
    }
    List<String> found = new ArrayList<>();
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs =
        meta.getTables(
            connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (!WITHOUT_REQUESTS.contains(name.toUpperCase(Locale.ROOT))) {
          found.add(name);
        }
      }
    }
    tables = List.copyOf(found);
    return tables;
  }
}
