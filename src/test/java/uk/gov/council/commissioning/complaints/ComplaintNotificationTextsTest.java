package uk.gov.council.commissioning.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static uk.gov.council.commissioning.complaints.ComplaintTestData.registeredComplaint;

import java.time.Duration;
import java.util.List;
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

  private final DelegateExecution execution = mock(DelegateExecution.class);

  @Test
  void theDefaultsAreTheSeedsPeriods() {
    ComplaintNotifications texts =
        notifications(
            new ComplaintProperties(
                3, 20, Duration.ofHours(24), 15, DayKind.WORKING, 5, Duration.ofDays(2)));

    assertThat(missedTexts(texts))
        .satisfiesExactly(
            councilAcknowledgement ->
                assertThat(councilAcknowledgement).contains("(3 working days,"),
            councilResponse -> assertThat(councilResponse).contains("(20 working days,"),
            providerAcknowledgement -> assertThat(providerAcknowledgement).contains("(24 hours,"),
            providerResolution -> assertThat(providerResolution).contains("(15 working days,"));
  }

  @Test
  void changedSettingsChangeTheWords() {
    ComplaintNotifications texts =
        notifications(
            new ComplaintProperties(
                5, 25, Duration.ofHours(36), 21, DayKind.CALENDAR, 5, Duration.ofDays(2)));

    assertThat(missedTexts(texts))
        .satisfiesExactly(
            councilAcknowledgement ->
                assertThat(councilAcknowledgement)
                    .contains("(5 working days, seed 002 App K)")
                    .doesNotContain("3 working days"),
            councilResponse ->
                assertThat(councilResponse)
                    .contains("(25 working days, seed 002 App K)")
                    .doesNotContain("20 working days"),
            providerAcknowledgement ->
                assertThat(providerAcknowledgement)
                    .contains("(36 hours, seed 002 App C 4.2)")
                    .doesNotContain("24 hours"),
            providerResolution ->
                assertThat(providerResolution)
                    .contains("(21 days, seed 002 App C 4.3)")
                    .doesNotContain("working weeks"));
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

  /** The four missed-deadline texts: council acknowledgement and response, provider's the same. */
  private List<String> missedTexts(ComplaintNotifications texts) {
    Complaint toTheCouncil = registeredComplaint("COUNCIL", "provider-alpha");
    Complaint toTheProvider = registeredComplaint("PROVIDER", "provider-alpha");
    return List.of(
        texts.councilAcknowledgementMissed(execution, toTheCouncil),
        texts.councilResponseMissed(execution, toTheCouncil),
        texts.providerAcknowledgementMissed(execution, toTheProvider),
        texts.providerResolutionMissed(execution, toTheProvider));
  }
}
