package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.BUYER;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.FINANCE;
import static uk.gov.council.commissioning.testkit.TestTeam.Role.GOVERNANCE;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.gov.council.commissioning.procurement.RefusedProcurementForms;
import uk.gov.council.commissioning.testkit.HttpProcessTestCase;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.TestTeam;
import uk.gov.council.commissioning.web.HttpTestClient.Response;

/**
 * A form refused by its checks is an officer correcting a form: through the running server, by
 * every way a form is submitted, the log gets the one INFO line and nothing else from the refusal,
 * no WARN or ERROR and no stack trace (a busy demo's log once grew by thousands of lines a minute).
 */
@ProcessTest
@ExtendWith(OutputCaptureExtension.class)
class FormRefusalLoggingTest extends HttpProcessTestCase {

  @RegisterExtension static final TestTeam TEAM = TestTeam.of("frl", BUYER, GOVERNANCE, FINANCE);

  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  String reference;

  @BeforeEach
  void setUp() {
    reference = startSignedIn(TEAM.user(BUYER), "procurement", request()).getBusinessKey();
    events.start();
    root.addAppender(events);
  }

  @AfterEach
  void tearDown() {
    root.detachAppender(events);
    events.stop();
  }

  @Test
  void aRefusedStartFormThroughTheEngineRestApiIsOneInfoLine(CapturedOutput output) {
    int before = output.length();

    Response refused = RefusedProcurementForms.startThroughTheRestApi(http, TEAM.user(BUYER));

    assertThat(refused.status()).isEqualTo(400);
    assertOnlyTheRefusalWasLogged(output.toString().substring(before));
  }

  @Test
  void aRefusedTaskFormThroughTheEngineRestApiIsOneInfoLine(CapturedOutput output) {
    String taskId = task("Task_GovernanceAgreement");
    int before = output.length();

    Response refused =
        RefusedProcurementForms.governanceDeclineThroughTheRestApi(
            http, taskId, TEAM.user(GOVERNANCE));

    assertThat(refused.status()).isEqualTo(400);
    assertOnlyTheRefusalWasLogged(output.toString().substring(before));
  }

  @Test
  void aRefusedTaskFormInTasklistIsOneInfoLine(CapturedOutput output) {
    String taskId = task("Task_FinanceAgreement");
    String token =
        signInToWebApps(TEAM.user(FINANCE), RefusedProcurementForms.TASKLIST_TASK + taskId);
    events.list.clear();
    int before = output.length();

    Response refused = RefusedProcurementForms.financeDeclineInTasklist(http, taskId, token);

    assertThat(refused.status()).isEqualTo(400);
    assertOnlyTheRefusalWasLogged(output.toString().substring(before));
  }

  private void assertOnlyTheRefusalWasLogged(String console) {
    assertThat(events.list)
        .as(
            "nothing at WARN or above, and no stack trace, from the engine, Jersey or anything else")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() != null);
    assertThat(events.list)
        .filteredOn(e -> e.getLoggerName().equals(EngineApiErrors.class.getName()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.INFO);
              assertThat(e.getFormattedMessage())
                  .contains("Form refused by its checks")
                  .contains("cannot be completed");
            });
    // Anything printed past the logging system (a stack trace written to the console) shows here.
    assertThat(console).doesNotContain("\tat ", "Exception:", " WARN ", " ERROR ");
  }

  private String task(String key) {
    return taskAt(reference, key).getId();
  }

  /**
   * What an officer enters on the procurement's start form: high enough in value for both
   * approvals.
   */
  private static Map<String, Object> request() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Direct Payments Support and Payroll Service");
    variables.put("serviceArea", "Adult social care");
    variables.put("estimatedValue", 450_000d);
    variables.put("keyDecisionByOfficer", false);
    variables.put("regime", "PA2023_LIGHT_TOUCH");
    variables.put("replacesContractReference", null);
    variables.put("procurementStrategy", "Open tender, one lot, 5 years + 1 + 1");
    return variables;
  }
}
