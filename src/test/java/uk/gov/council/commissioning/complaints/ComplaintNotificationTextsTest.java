package uk.gov.council.commissioning.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.complaints.ComplaintProperties.DayKind;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.escalation.Escalations;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;

/** Reminders and escalations state the periods the council has set, not the seed's defaults. */
class ComplaintNotificationTextsTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-02T08:30:00Z");

  private final DelegateExecution execution = mock(DelegateExecution.class);

  @Test
  void theDefaultsAreTheSeedsPeriods() {
    ComplaintNotifications texts =
        notifications(
            new ComplaintProperties(
                3, 20, Duration.ofHours(24), 15, DayKind.WORKING, 5, Duration.ofDays(2)));

    assertThat(texts.councilAcknowledgementMissed(execution, complaint("COUNCIL")))
        .contains("(3 working days,");
    assertThat(texts.councilResponseMissed(execution, complaint("COUNCIL")))
        .contains("(20 working days,");
    assertThat(texts.providerAcknowledgementMissed(execution, complaint("PROVIDER")))
        .contains("(24 hours,");
    assertThat(texts.providerResolutionMissed(execution, complaint("PROVIDER")))
        .contains("(15 working days,");
  }

  @Test
  void changedSettingsChangeTheWords() {
    ComplaintNotifications texts =
        notifications(
            new ComplaintProperties(
                5, 25, Duration.ofHours(36), 21, DayKind.CALENDAR, 5, Duration.ofDays(2)));

    assertThat(texts.councilAcknowledgementMissed(execution, complaint("COUNCIL")))
        .contains("(5 working days, seed 002 App K)")
        .doesNotContain("3 working days");
    assertThat(texts.councilResponseMissed(execution, complaint("COUNCIL")))
        .contains("(25 working days, seed 002 App K)")
        .doesNotContain("20 working days");
    assertThat(texts.providerAcknowledgementMissed(execution, complaint("PROVIDER")))
        .contains("(36 hours, seed 002 App C 4.2)")
        .doesNotContain("24 hours");
    assertThat(texts.providerResolutionMissed(execution, complaint("PROVIDER")))
        .contains("(21 days, seed 002 App C 4.3)")
        .doesNotContain("working weeks");
  }

  private static ComplaintNotifications notifications(ComplaintProperties properties) {
    CaseMail mail = new CaseMail(mock(NotificationService.class));
    return new ComplaintNotifications(
        mail,
        new Escalations(mail),
        mock(RecipientDirectory.class),
        mock(ContractService.class),
        new ComplaintDeadlines(mock(WorkingDayCalendar.class), properties));
  }

  private static Complaint complaint(String route) {
    Instant due = RECEIVED.plus(Duration.ofDays(21));
    return new Complaint(
        1,
        "CP-2026-000001",
        "pi",
        route,
        7L,
        "Alpha Care",
        "provider-alpha",
        "AC-01",
        RECEIVED,
        RECEIVED,
        "officer",
        RECEIVED.plus(Duration.ofDays(1)),
        null,
        due,
        due,
        0,
        null,
        null,
        null,
        null,
        1,
        false,
        "OPEN",
        null,
        null,
        null,
        null);
  }
}
