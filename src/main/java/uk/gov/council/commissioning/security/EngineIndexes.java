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
 * Indexes of the application's own on the engine's tables, on PostgreSQL: for the task list's
 * rewritten query ({@link TaskListAuthorizationQuery}) and for the job executor's look for due
 * jobs. Created at each start when missing, so that a new installation and one made before them get
 * them alike (docs/operations.md, "Indexes on the engine's tables"). Each one is used by the plans
 * of the queries Tasklist and the job executor send (docs/performance.md).
 */
final class EngineIndexes {

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

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
              "PROC_DEF_ID_, SUSPENSION_STATE_, TENANT_ID_, CASE_EXECUTION_ID_"),
          // The job executor's look for due jobs asks for a due date that is empty or past; the
          // engine has no index on it, so every look read every job (a timer or two per open case:
          // 200,000 jobs and about 0.66 s a look at 100,000 open cases). With this one it reads
          // only the due jobs, whatever the number waiting for later.
          new Index("CW_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_", ""));

  private EngineIndexes() {}

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
      throw new ProcessEngineException("Cannot create the indexes on the engine's tables", e);
    }
    log.info(
        "Indexes on the engine's tables in place: {}", INDEXES.stream().map(Index::name).toList());
  }
}
