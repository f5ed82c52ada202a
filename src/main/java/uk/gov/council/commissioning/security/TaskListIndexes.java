package uk.gov.council.commissioning.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes on the engine's tables for the task list's rewritten query ({@link
 * TaskListAuthorizationQuery}), on PostgreSQL: created at each start when missing, so that a new
 * installation and one made before them get them alike (docs/operations.md, "Task list indexes").
 * Each one is used by the plans of the queries Tasklist sends (docs/performance.md).
 */
final class TaskListIndexes {

  private static final Logger log = LoggerFactory.getLogger(TaskListIndexes.class);

  /** An index: its name, its table, its columns and the columns it only carries. */
  record Index(String name, String table, String columns, String included) {
    String create(String prefix) {
      return "CREATE INDEX IF NOT EXISTS "
          + name
          + " ON "
          + prefix
          + table
          + " ("
          + columns
          + ")"
          + (included.isEmpty() ? "" : " INCLUDE (" + included + ")");
    }
  }

  static final List<Index> INDEXES =
      List.of(
          // A team's candidate links in task order, read from the index alone: the count joins
          // them to the tasks without reading the links' table.
          new Index(
              "CW_IDX_IDENTITYLINK_GROUP_TASK",
              "ACT_RU_IDENTITYLINK",
              "GROUP_ID_, TYPE_, TASK_ID_",
              ""),
          // What the count asks of every task (its definition, state, tenant and case), read
          // from the index alone in task order instead of from the wide task rows.
          new Index(
              "CW_IDX_TASK_ID_CHECKED",
              "ACT_RU_TASK",
              "ID_",
              "PROC_DEF_ID_, SUSPENSION_STATE_, TENANT_ID_, CASE_EXECUTION_ID_"));

  private TaskListIndexes() {}

  static void create(DataSource dataSource, String prefix) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (Index index : INDEXES) {
        statement.execute(index.create(prefix));
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot create the task list's indexes", e);
    }
    log.info("Task list indexes in place: {}", INDEXES.stream().map(Index::name).toList());
  }
}
