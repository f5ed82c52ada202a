package uk.gov.council.commissioning.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.council.commissioning.testkit.PostgresTestDatabase;

/**
 * On PostgreSQL a duplicate is left out by {@code ON CONFLICT DO NOTHING}, without a savepoint: a
 * transaction that meets a concurrent duplicate inserts nothing and goes on.
 */
class InsertOncePostgresTest {

  private static final String INSERT =
      """
      INSERT INTO insert_once_probe (k)
      SELECT :k WHERE NOT EXISTS (SELECT 1 FROM insert_once_probe WHERE k = :k)
      """;

  private JdbcClient jdbc;
  private TransactionTemplate transactions;
  private InsertOnce insertOnce;

  @BeforeEach
  void database() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            PostgresTestDatabase.forThisRun().jdbcUrl(),
            System.getenv().getOrDefault("PGUSER", "postgres"),
            System.getenv().getOrDefault("PGPASSWORD", ""));
    jdbc = JdbcClient.create(dataSource);
    DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
    transactions = new TransactionTemplate(transactionManager);
    insertOnce = new InsertOnce(jdbc, dataSource, transactionManager);
    jdbc.sql("CREATE TABLE insert_once_probe (k VARCHAR(20) PRIMARY KEY)").update();
  }

  @AfterEach
  void dropTable() {
    jdbc.sql("DROP TABLE insert_once_probe").update();
  }

  @Test
  void aConcurrentDuplicateInsertsNothingAndLeavesTheTransactionUsable() throws Exception {
    CountDownLatch firstInserted = new CountDownLatch(1);
    CountDownLatch secondWaiting = new CountDownLatch(1);
    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(
            () ->
                transactions.execute(
                    status -> {
                      int inserted = insertOnce.insert(INSERT, Map.of("k", "email-1"));
                      firstInserted.countDown();
                      await(secondWaiting);
                      // Long enough for the second insert to be waiting on this row's key.
                      sleep(300);
                      return inserted;
                    }));
    await(firstInserted);
    List<Integer> second =
        transactions.execute(
            status -> {
              secondWaiting.countDown();
              int inserted = insertOnce.insert(INSERT, Map.of("k", "email-1"));
              int next = insertOnce.insert(INSERT, Map.of("k", "email-2"));
              // The duplicate inserted nothing; the same transaction still inserts what is new.
              return List.of(inserted, next);
            });

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(second).containsExactly(0, 1);
    assertThat(jdbc.sql("SELECT k FROM insert_once_probe ORDER BY k").query(String.class).list())
        .containsExactly("email-1", "email-2");
  }

  @Test
  void aRowAlreadyThereIsNotInsertedAgain() {
    assertThat(insertOnce.insert(INSERT, Map.of("k", "breach-1"))).isEqualTo(1);
    assertThat(insertOnce.insert(INSERT, Map.of("k", "breach-1"))).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
