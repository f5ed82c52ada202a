package uk.gov.council.commissioning.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.notify.NotificationService;

/** The idempotency keys stay those the processes used before templates. */
class CaseMailKeyTest {

  @Test
  void keyNamesTheProcessTheInstanceAndTheEvent() {
    assertThat(CaseMail.key("42", "qaf-plan/plan-missed")).isEqualTo("qaf-plan:42:plan-missed");
  }

  @Test
  void anEmailSentOncePerRoundIsKeyedByItsRound() {
    NotificationService outbox = mock(NotificationService.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessInstanceId()).thenReturn("42");
    Map<String, Object> values =
        Map.of(
            "contractReference", "DPSP-2017",
            "contract", "Payroll (DPSP-2017) with Vibrance",
            "currentEndDate", "2020-04-07");

    MailMessage message =
        new CaseMail(outbox)
            .send(execution, "extension/lapsing", 3, List.of("a@b.example"), values);

    verify(outbox)
        .send(
            eq("extension:42:lapsing-3"),
            eq(List.of("a@b.example")),
            eq("Contract lapsing: DPSP-2017"),
            eq(message.body()));
  }

  @Test
  void anEmailOfNoCaseIsKeyedByItsOccasion() {
    NotificationService outbox = mock(NotificationService.class);
    Map<String, Object> values =
        Map.of(
            "month", "March 2027",
            "monthCode", "2027-03",
            "planned", 4,
            "held", 3,
            "compliance", "75.0%",
            "providers", "- Vibrance: 3 of 4 held (75.0%)");

    MailMessage message =
        new CaseMail(outbox)
            .sendFor("2027-03", "meetings/monthly-compliance", List.of("m@b.example"), values);

    verify(outbox)
        .send(
            eq("meetings:2027-03:monthly-compliance"),
            eq(List.of("m@b.example")),
            eq("Contract management meetings in March 2027: 3 of 4 held (75.0%)"),
            eq(message.body()));
  }
}
