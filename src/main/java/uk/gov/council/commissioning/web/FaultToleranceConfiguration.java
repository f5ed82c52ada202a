package uk.gov.council.commissioning.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What keeps a client's retry safe: the Idempotency-Key on POSTs, and a 503 with Retry-After when
 * the database is out of reach.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class FaultToleranceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FaultToleranceConfiguration.class);

  /** Outside every other filter, Spring Security's among them (signing in reads the database). */
  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
      ObjectMapper json, FaultProperties properties) {
    FilterRegistrationBean<DatabaseUnavailableFilter> registration =
        new FilterRegistrationBean<>(new DatabaseUnavailableFilter(json, properties));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  IdempotentRequests idempotentRequests(JdbcClient jdbc) {
    return new IdempotentRequests(jdbc);
  }

  /** After Spring Security: the key is kept per signed-in user. */
  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      IdempotentRequests requests,
      PlatformTransactionManager transactions,
      ObjectMapper json,
      Clock clock,
      IdempotencyProperties properties) {
    FilterRegistrationBean<IdempotencyFilter> registration =
        new FilterRegistrationBean<>(
            new IdempotencyFilter(requests, transactions, json, clock, properties));
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  @Bean
  IdempotencyCleanup idempotencyCleanup(IdempotentRequests requests, Clock clock) {
    return new IdempotencyCleanup(requests, clock);
  }

  /** Deletes expired keys with the answers stored for them, which may hold personal details. */
  public static final class IdempotencyCleanup {
    private final IdempotentRequests requests;
    private final Clock clock;

    IdempotencyCleanup(IdempotentRequests requests, Clock clock) {
      this.requests = requests;
      this.clock = clock;
    }

    @Scheduled(
        fixedDelayString = "${commissioning.idempotency.cleanup-interval:PT15M}",
        initialDelayString = "${commissioning.idempotency.cleanup-interval:PT15M}")
    public int deleteExpired() {
      int deleted = requests.deleteExpired(clock.instant());
      if (deleted > 0) {
        log.info("Deleted {} expired Idempotency-Key answers", deleted);
      }
      return deleted;
    }
  }
}
