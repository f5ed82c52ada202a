package uk.gov.council.commissioning.cases;

import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inserts a row at most once, in the caller's transaction: for the records a retried job or step
 * must not repeat (an email in the outbox, a deadline breach). The statement is an {@code INSERT
 * ... SELECT ... WHERE NOT EXISTS} on a table whose unique key also holds the rule.
 *
 * <p>Two transactions can both pass the NOT EXISTS check; the second then fails on the unique key
 * once the first commits. PostgreSQL aborts the whole transaction on a failed statement, so there
 * the insert says {@code ON CONFLICT DO NOTHING}: one statement, no savepoint. H2 has no such
 * clause in its own mode, and keeps its transaction usable after a failed statement anyway; there
 * the insert runs under a savepoint and a duplicate counts as nothing inserted.
 */
@Component
public class InsertOnce {

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;
  private final boolean onConflict;

  @Autowired
  public InsertOnce(
      JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager) {
    this(jdbc, Databases.isPostgres(dataSource), transactionManager);
  }

  InsertOnce(JdbcClient jdbc, boolean onConflict, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.onConflict = onConflict;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Runs {@code insertUnlessPresent} with {@code params}.
   *
   * @return the rows inserted: 0 when the row was there already or a concurrent transaction
   *     inserted it
   */
  public int insert(String insertUnlessPresent, Map<String, ?> params) {
    if (onConflict) {
      return jdbc.sql(insertUnlessPresent + " ON CONFLICT DO NOTHING").params(params).update();
    }
    try {
      return savepoint.execute(status -> jdbc.sql(insertUnlessPresent).params(params).update());
    } catch (DuplicateKeyException concurrentDuplicate) {
      return 0;
    }
  }
}
