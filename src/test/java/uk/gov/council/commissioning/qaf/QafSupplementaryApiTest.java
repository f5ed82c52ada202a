package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.qaf.QafTestData.*;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * The supplementary QAF over REST (seed 001 Part 3.3 §2): a contracts manager proposes it (201);
 * bad input is refused naming each field (400) and creates nothing; only contracts managers
 * propose, and a provider cannot read it.
 */
@ProcessTest
class QafSupplementaryApiTest extends HttpProcessTestCase {

  private static final AtomicInteger YEAR = new AtomicInteger(2080);

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

  int year;

  @BeforeEach
  void setUp() {
    users(access);
    year = YEAR.incrementAndGet();
  }

  @Test
  void aContractsManagerProposesItAndTheCouncilsTeamsMayReadIt() throws Exception {
    Response created = http.postJson("/api/qafs/supplementary", body(year), as(MANAGER));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode json = this.json.readTree(created.text());
    String reference = json.get("reference").asText();
    assertThat(reference).matches("QS-" + year + "-\\d{4}");
    assertThat(json.get("status").asText()).isEqualTo("PROPOSED");
    assertThat(json.get("proposedBy").asText()).isEqualTo(MANAGER);

    assertThat(http.get("/api/qafs/supplementary/" + reference, as(OFFICER)).status())
        .isEqualTo(200);
    assertThat(http.get("/api/qafs/supplementary/" + reference, as(ALPHA_USER)).status())
        .isEqualTo(403);
    assertThat(http.get("/api/qafs/supplementary/QS-1999-0001", as(MANAGER)).status())
        .isEqualTo(404);

    Response second = http.postJson("/api/qafs/supplementary", body(year), as(MANAGER));
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.text()).contains("financialYear", reference);
  }

  @Test
  void badInputIsRefusedNamingEachFieldAndCreatesNothing() throws Exception {
    long before = rows();
    Response bad =
        http.postJson(
            "/api/qafs/supplementary",
            "{\"financialYear\":\"next year\",\"title\":\"\",\"objectives\":\""
                + "x".repeat(4001)
                + "\"}",
            as(MANAGER));
    assertThat(bad.status()).as(bad.text()).isEqualTo(400);
    assertThat(bad.text()).contains("financialYear", "title", "objectives");
    assertThat(http.postJson("/api/qafs/supplementary", "", as(MANAGER)).status()).isEqualTo(400);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void onlyContractsManagersPropose() throws Exception {
    assertThat(http.postJson("/api/qafs/supplementary", body(year), as(OFFICER)).status())
        .isEqualTo(403);
    assertThat(http.postJson("/api/qafs/supplementary", body(year), as(ALPHA_USER)).status())
        .isEqualTo(403);
  }

  private long rows() {
    return jdbcClient.sql("SELECT COUNT(*) FROM qaf_supplementary").query(Long.class).single();
  }

  private static String body(int year) {
    return "{\"financialYear\":"
        + year
        + ",\"title\":\"Medication good practice\",\"objectives\":\"S1.1 Medication: how staff"
        + " competence is assessed each year.\"}";
  }
}
