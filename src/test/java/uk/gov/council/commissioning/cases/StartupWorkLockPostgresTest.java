package uk.gov.council.commissioning.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import uk.gov.council.commissioning.testkit.PostgresTestDatabase;

/**
 * Two nodes starting together do their start-up work one after the other: the second waits at the
 * lock until the first accepts traffic, or until the first fails and lets it go.
 */
class StartupWorkLockPostgresTest {

  private PostgresTestDatabase database;
  private StartupWorkLock first;
  private StartupWorkLock second;

  @BeforeEach
  void twoNodesOnOneDatabase() {
    database = PostgresTestDatabase.createOwn();
    first = new StartupWorkLock(dataSource());
    second = new StartupWorkLock(dataSource());
  }

  @AfterEach
  void dropDatabase() {
    first.destroy();
    second.destroy();
    database.drop();
  }

  @Test
  void theSecondNodeWaitsUntilTheFirstAcceptsTraffic() throws Exception {
    first.take();
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(second::take);
    assertStillWaiting(waiting);

    first.release(readiness(ReadinessState.REFUSING_TRAFFIC));
    assertStillWaiting(waiting);

    first.release(readiness(ReadinessState.ACCEPTING_TRAFFIC));
    waiting.get(30, TimeUnit.SECONDS);
    assertThat(first.isHeld()).isFalse();
    assertThat(second.isHeld()).isTrue();
  }

  @Test
  void aNodeWhoseStartFailsLetsTheLockGo() throws Exception {
    first.take();
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(second::take);
    assertStillWaiting(waiting);

    // A failed start closes the context, which destroys the lock's bean.
    first.destroy();
    waiting.get(30, TimeUnit.SECONDS);
    assertThat(second.isHeld()).isTrue();
  }

  private static void assertStillWaiting(CompletableFuture<Void> waiting) throws Exception {
    try {
      waiting.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException expected) {
      return;
    }
    throw new AssertionError("the second node took the lock while the first held it");
  }

  private static AvailabilityChangeEvent<ReadinessState> readiness(ReadinessState state) {
    return new AvailabilityChangeEvent<>(StartupWorkLockPostgresTest.class, state);
  }

  private PGSimpleDataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(database.jdbcUrl());
    dataSource.setUser(database.user());
    if (!database.password().isEmpty()) {
      dataSource.setPassword(database.password());
    }
    return dataSource;
  }
}
