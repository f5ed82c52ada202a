package uk.gov.council.commissioning.cases;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's migrations one node at a time. Flyway locks its own migrations on PostgreSQL,
 * but not the baseline it first writes into a schema that already holds the engine's tables: two
 * nodes started together on an empty database both baselined, and the second died on a history
 * table that "already exists, and is empty".
 */
@Configuration(proxyBeanMethods = false)
class MigrationLock {

  static final long LOCK_KEY = 0x636d7766_6d696772L;

  @Bean
  FlywayMigrationStrategy migrationsOneNodeAtATime(DataSource dataSource) {
    return flyway -> {
      AdvisoryLock lock =
          new AdvisoryLock(dataSource, LOCK_KEY, "the migration lock", MigrationLock.class);
      lock.take("the application's database migrations");
      try {
        flyway.migrate();
      } finally {
        lock.release();
      }
    };
  }
}
