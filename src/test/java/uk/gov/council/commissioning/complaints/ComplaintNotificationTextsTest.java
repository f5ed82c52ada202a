package uk.gov.council.commissioning.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.Mockito.mock;
import static uk.gov.council.commissioning.complaints.ComplaintTestData.registeredComplaint;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

  static Stream<Arguments> periods() {
    return Stream.of(
        arguments(
            "the defaults are the seed's periods",
            new ComplaintProperties(
                3, 20, Duration.ofHours(24), 15, DayKind.WORKING, 5, Duration.ofDays(2), true),
            List.of("(3 working days,", "(20 working days,", "(24 hours,", "(15 working days,"),
            List.of()),
        arguments(
            "changed settings change the words",
            new ComplaintProperties(
                5, 25, Duration.ofHours(36), 21, DayKind.CALENDAR, 5, Duration.ofDays(2), true),
            List.of(
                "(5 working days, seed 002 App K)",
                "(25 working days, seed 002 App K)",
                "(36 hours, seed 002 App C 4.2)",
                "(21 days, seed 002 App C 4.3)"),
            List.of("3 working days", "20 working days", "24 hours", "working weeks")));
  }

  /**
   * Each missed-deadline text (council acknowledgement and response, provider's the same) states
   * its period and none of the seed's when they differ.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("periods")
  void missedDeadlineTextsStateTheSetPeriods(
      String settings, ComplaintProperties properties, List<String> said, List<String> notSaid) {
    List<String> texts = missedTexts(notifications(properties));

    assertThat(texts).hasSize(said.size());
    for (int i = 0; i < texts.size(); i++) {
      assertThat(texts.get(i)).as(settings).contains(said.get(i));
      if (!notSaid.isEmpty()) {
        assertThat(texts.get(i)).as(settings).doesNotContain(notSaid.get(i));
      }
    }
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
