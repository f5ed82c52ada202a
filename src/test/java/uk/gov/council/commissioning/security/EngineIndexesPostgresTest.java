package uk.gov.council.commissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;

/**
 * The indexes the application adds to the engine's tables exist after a start on PostgreSQL, and
 * the job executor's look for due jobs (its conditions as the engine's Job.xml writes them) can be
 * answered from the due-date index instead of reading every job.
 */
@PostgresProcessTest
class EngineIndexesPostgresTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void everyIndexIsInPlace() {
    List<String> present =
        jdbc.queryForList(
            "SELECT upper(indexname) FROM pg_indexes WHERE upper(indexname) LIKE 'CW_IDX_%'",
            String.class);

    assertThat(present)
        .containsAll(EngineIndexes.INDEXES.stream().map(EngineIndexes.Index::name).toList());
  }

  @Test
  void theLookForDueJobsReadsTheDueDateIndex() {
    String plan =
        transactions.execute(
            status -> {
              // On the test's few jobs a scan of the table is cheapest; forbidding it shows whether
              // the index can answer the condition at all (the empty due date included).
              jdbc.execute("SET LOCAL enable_seqscan = off");
              String explained =
                  String.join(
                      "\n",
                      jdbc.queryForList(
                          "EXPLAIN SELECT RES.ID_ FROM ACT_RU_JOB RES WHERE (RES.RETRIES_ > 0)"
                              + " AND (RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= now())"
                              + " AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < now())"
                              + " AND RES.SUSPENSION_STATE_ = 1",
                          String.class));
              status.setRollbackOnly();
              return explained;
            });

    assertThat(plan.toLowerCase()).contains("cw_idx_job_duedate");
  }
}
