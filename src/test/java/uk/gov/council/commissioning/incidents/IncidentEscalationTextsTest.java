package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.escalation.Escalations;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;

/**
 * The quality assurance team's chase task states the periods the council has set, not the seed's
 * defaults.
 */
class IncidentEscalationTextsTest {

  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final IncidentSteps steps = mock(IncidentSteps.class);

  @Test
  void theChaseTaskStatesTheConfiguredPeriods() {
    Instant occurred = Instant.parse("2026-07-06T10:00:00Z");
    when(steps.incident(execution))
        .thenReturn(
            new SeriousIncident(
                1,
                "SI-2026-000001",
                "pi",
                1,
                "Alpha Care",
                "provider-alpha",
                "AC-01",
                "Home care",
                "PROVIDER_REPORT",
                "SERIOUS_INJURY",
                occurred,
                null,
                occurred,
                "officer",
                occurred.plusSeconds(6 * 3600),
                null,
                occurred.plusSeconds(36 * 3600),
                null,
                false,
                false,
                "OPEN",
                null,
                null,
                "contact@alpha.example",
                null));
    CaseMail mail = new CaseMail(mock(NotificationService.class));
    IncidentEscalations escalations =
        new IncidentEscalations(
            mock(Deadlines.class),
            new IncidentNotifications(mail, new Escalations(mail), mock(RecipientDirectory.class)),
            steps,
            new IncidentProperties(
                Duration.ofHours(6), Duration.ofHours(36), Duration.ofHours(24), 5, 2, 2));

    escalations.initialReportMissed(execution);
    escalations.reportingFormMissed(execution);

    ArgumentCaptor<Object> messages = ArgumentCaptor.forClass(Object.class);
    verify(execution, org.mockito.Mockito.times(2))
        .setVariableLocal(eq(Escalations.ESCALATION_MESSAGE), messages.capture());
    assertThat(messages.getAllValues().get(0).toString())
        .contains("within 6 hours of the incident")
        .doesNotContain("12 hours");
    assertThat(messages.getAllValues().get(1).toString())
        .contains("within 36 hours of the incident")
        .doesNotContain("48 hours");
  }
}
