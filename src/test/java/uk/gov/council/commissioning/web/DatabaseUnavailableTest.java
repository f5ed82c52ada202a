package uk.gov.council.commissioning.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * A lost database answers 503 with Retry-After, never 500 (issue 17), on the application's
 * endpoints and on {@code /engine-rest}, and the next request after the database is back works. The
 * data source is wrapped so that it can be made to refuse connections as Hikari does when the
 * database is gone: for every request, or only once the caller is signed in (so that the failure
 * happens inside a controller or an engine command rather than in signing in).
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "commissioning.faults.retry-after=PT7S")
@ActiveProfiles("test")
class DatabaseUnavailableTest {

  private static final String ADMIN = "admin";
  private static final String PASSWORD = "test-admin-password";

  enum Outage {
    NONE,
    SIGNED_IN,
    ALL
  }

  static volatile Outage outage = Outage.NONE;

  @TestConfiguration
  static class FailingDatabase {
    @Bean
    static BeanPostProcessor switchableDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource dataSource && !(bean instanceof Switchable)
              ? new Switchable(dataSource)
              : bean;
        }
      };
    }
  }

  static final class Switchable extends DelegatingDataSource {
    Switchable(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      refuseDuringOutage();
      return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      refuseDuringOutage();
      return super.getConnection(username, password);
    }

    private static void refuseDuringOutage() throws SQLException {
      boolean signedIn = SecurityContextHolder.getContext().getAuthentication() != null;
      if (outage == Outage.ALL || outage == Outage.SIGNED_IN && signedIn) {
        throw new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
            "08001");
      }
    }
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @AfterEach
  void databaseBack() {
    outage = Outage.NONE;
  }

  @Test
  void anApplicationEndpointAnswers503WithRetryAfterAndWorksAgainAfter() throws Exception {
    assertThat(get("/api/contracts").status()).isEqualTo(200);

    outage = Outage.SIGNED_IN;
    assertUnavailable(get("/api/contracts"));
    assertUnavailable(http.postJson("/api/incidents", "{}", auth("Idempotency-Key", "k-503-1")));
    assertUnavailable(http.postJson("/api/incidents", "{}", auth()));

    outage = Outage.NONE;
    assertThat(get("/api/contracts").status()).isEqualTo(200);
  }

  @Test
  void signingInWithoutTheDatabaseAnswers503() throws Exception {
    outage = Outage.ALL;
    assertUnavailable(get("/api/contracts"));
    assertUnavailable(get("/engine-rest/engine/" + engine.getName() + "/task/count"));

    outage = Outage.NONE;
    assertThat(get("/api/contracts").status()).isEqualTo(200);
  }

  @Test
  void theEngineRestApiAnswers503WithRetryAfterAndWorksAgainAfter() throws Exception {
    String path = "/engine-rest/engine/" + engine.getName() + "/task/count";
    assertThat(get(path).status()).isEqualTo(200);

    outage = Outage.SIGNED_IN;
    assertUnavailable(get(path));
    assertUnavailable(get("/engine-rest/engine/" + engine.getName() + "/process-definition"));

    outage = Outage.NONE;
    assertThat(get(path).status()).isEqualTo(200);
  }

  @Test
  void theCauseChainIsLookedAt() {
    assertThat(
            DatabaseFaults.isConnectionFault(
                new org.camunda.bpm.engine.ProcessEngineException(
                    "wrapped",
                    new org.apache.ibatis.exceptions.PersistenceException(
                        new SQLException("An I/O error occurred", "08006")))))
        .isTrue();
    assertThat(
            DatabaseFaults.isConnectionFault(
                new org.camunda.bpm.engine.ProcessEngineException(
                    "wrapped", new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(DatabaseFaults.isConnectionFault(new IllegalStateException("a bug"))).isFalse();
  }

  private void assertUnavailable(Response response) throws Exception {
    assertThat(response.status()).as(response.text()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isEqualTo("7");
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(503);
    assertThat(problem.path("detail").asText()).contains("database cannot be reached");
  }

  private Response get(String path) {
    return http.get(path, auth());
  }

  private static String[] auth(String... more) {
    String[] basic = {
      "Authorization",
      "Basic "
          + java.util.Base64.getEncoder()
              .encodeToString(
                  (ADMIN + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8))
    };
    String[] all = java.util.Arrays.copyOf(basic, basic.length + more.length);
    System.arraycopy(more, 0, all, basic.length, more.length);
    return all;
  }
}
