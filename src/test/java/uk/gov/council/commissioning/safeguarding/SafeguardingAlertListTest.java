package uk.gov.council.commissioning.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.BUYER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.QUALITY;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.SAFEGUARDING;
import static uk.gov.council.commissioning.testkit.TestUsers.as;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.testkit.TestUsers;

/**
 * {@code GET /api/safeguarding-alerts}: the register a page at a time, newest concern first; a
 * provider sees only the alerts about itself, and nobody reads the concern from the list.
 */
@ProcessTest
class SafeguardingAlertListTest extends HttpProcessTestCase {

  private static final String SUSPECTED = "Unexplained bruising on Edith Example's arms";

  @RegisterExtension static final TestTeam TEAM = TestTeam.of("sgl", SAFEGUARDING, QUALITY, BUYER);

  @Autowired SafeguardingAlerts alerts;

  String run;
  Provider mine;
  Provider other;
  String mineUser;
  String otherUser;

  @BeforeEach
  void setUp() {
    run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String mineGroup = "provider-sgl-a-" + run.toLowerCase();
    String otherGroup = "provider-sgl-b-" + run.toLowerCase();
    access.ensureGroup(mineGroup, "Alpha " + run, "PROVIDER");
    access.ensureGroup(otherGroup, "Beta " + run, "PROVIDER");
    mineUser = "sgl-a-" + run.toLowerCase();
    otherUser = "sgl-b-" + run.toLowerCase();
    TestUsers.user(access, mineUser, Roles.PROVIDERS, mineGroup);
    TestUsers.user(access, otherUser, Roles.PROVIDERS, otherGroup);
    mine = contracts.createProvider("Alpha " + run, "a@alpha.example", mineGroup);
    other = contracts.createProvider("Beta " + run, "b@beta.example", otherGroup);
  }

  @Test
  void listsEveryAlertNewestFirstAPageAtATimeWithoutTheConcern() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    raise("SI-SGL-" + run + "-1", mine, now.minus(5, ChronoUnit.HOURS), 1);
    raise("SI-SGL-" + run + "-2", mine, now.minus(40, ChronoUnit.HOURS), 13);
    raise("SI-SGL-" + run + "-3", other, now.minus(3, ChronoUnit.HOURS), 1);

    List<String> listed =
        allPagesListed("/api/safeguarding-alerts", TEAM.user(SAFEGUARDING), 2, "sourceReference");
    List<String> ours = listed.stream().filter(r -> r.contains(run)).toList();
    assertThat(ours)
        .containsExactly("SI-SGL-" + run + "-3", "SI-SGL-" + run + "-1", "SI-SGL-" + run + "-2");

    JsonNode page =
        answer(http.get("/api/safeguarding-alerts?size=200", as(TEAM.user(QUALITY))), 200);
    assertThat(page.toString()).doesNotContain("bruising").doesNotContain("organisation");
    JsonNode late = entry(page, "SI-SGL-" + run + "-2");
    assertThat(late.path("late").asBoolean()).as("13 hours after awareness").isTrue();
    assertThat(late.path("status").asText()).isEqualTo("AWAITING_SCREENING");
    assertThat(late.path("provider").asText()).isEqualTo("Alpha " + run);
    assertThat(entry(page, "SI-SGL-" + run + "-1").path("late").asBoolean()).isFalse();
  }

  @Test
  void aProviderSeesOnlyTheAlertsAboutItself() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    raise("SI-SGL-" + run + "-4", mine, now.minus(2, ChronoUnit.HOURS), 1);
    raise("SI-SGL-" + run + "-5", other, now.minus(2, ChronoUnit.HOURS), 1);

    assertThat(valuesListed("/api/safeguarding-alerts", mineUser, "sourceReference"))
        .containsExactly("SI-SGL-" + run + "-4");
    assertThat(valuesListed("/api/safeguarding-alerts", otherUser, "sourceReference"))
        .containsExactly("SI-SGL-" + run + "-5");

    String path = "/api/safeguarding-alerts/SERIOUS_INCIDENT/SI-SGL-" + run + "-5";
    assertThat(http.get(path, as(mineUser)).status()).isEqualTo(404);
    assertThat(answer(http.get(path, as(otherUser)), 200).path("sourceReference").asText())
        .isEqualTo("SI-SGL-" + run + "-5");
    String typedInLowerCase =
        "/api/safeguarding-alerts/serious_incident/si-sgl-" + run.toLowerCase() + "-5";
    assertThat(
            answer(http.get(typedInLowerCase, as(TEAM.user(SAFEGUARDING))), 200)
                .path("provider")
                .asText())
        .isEqualTo("Beta " + run);
  }

  @Test
  void teamsThatDoNotWorkAlertsAndBadInputAreRefused() throws Exception {
    assertThat(http.get("/api/safeguarding-alerts", as(TEAM.user(BUYER))).status()).isEqualTo(403);
    refusesBadPages("/api/safeguarding-alerts", TEAM.user(SAFEGUARDING));
    JsonNode refusal =
        problem(http.get("/api/safeguarding-alerts/LETTER/X-1", as(TEAM.user(SAFEGUARDING))), 400);
    assertThat(refusal.path("errors").findValuesAsText("field")).containsExactly("sourceType");
    assertThat(
            http.get(
                    "/api/safeguarding-alerts/COMPLAINT/CP-NONE-" + run,
                    as(TEAM.user(SAFEGUARDING)))
                .status())
        .isEqualTo(404);
  }

  private void raise(String reference, Provider provider, Instant aware, int hoursToAlert) {
    alerts.raise(
        new SafeguardingConcern(
            SafeguardingConcern.SERIOUS_INCIDENT,
            reference,
            provider.id(),
            provider.organisationGroup(),
            SafeguardingConcern.PROVIDER,
            aware,
            aware.plus(hoursToAlert, ChronoUnit.HOURS),
            SUSPECTED,
            null));
  }

  private static JsonNode entry(JsonNode list, String reference) {
    for (JsonNode e : list) {
      if (e.path("sourceReference").asText().equals(reference)) {
        return e;
      }
    }
    throw new AssertionError("not listed: " + reference);
  }
}
