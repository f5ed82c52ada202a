package uk.gov.council.commissioning.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.complaints.ComplaintProperties.DayKind;
import uk.gov.council.commissioning.testkit.TestCalendars;
import uk.gov.council.commissioning.testkit.TestClock;

/**
 * Complaint deadlines (seed 002 App K, App C 4.2-4.3, §13.5) with the real calendar and the bundled
 * bank holidays. Every expected date is counted by hand in the comments.
 */
@ExtendWith(TestClock.class)
class ComplaintDeadlinesTest {

  private static final WorkingDayCalendar CALENDAR = TestCalendars.englandAndWales();

  private final ComplaintDeadlines deadlines = deadlines(DayKind.WORKING);

  @BeforeEach
  void aClockBeforeEveryDeadline() {
    TestClock.set(Date.from(Instant.parse("2026-01-01T09:00:00Z")));
  }

  @Test
  void councilDeadlinesCountWorkingDaysAndEndWithTheLastDay() {
    // Received Monday 2 March 2026. Acknowledge: Tue 3 (1), Wed 4 (2), Thu 5 (3): end of Thursday 5
    // March.
    Instant received = Instant.parse("2026-03-02T08:30:00Z");
    assertThat(deadlines.councilAcknowledgeDue(received)).isEqualTo("2026-03-06T00:00:00Z");
    // Respond: 3-6 March (4), 9-13 (9), 16-20 (14), 23-27 (19), Monday 30 March (20). British
    // Summer Time
    // began on 29 March, so the end of 30 March is 23:00 UTC.
    assertThat(deadlines.councilRespondDue(received)).isEqualTo("2026-03-30T23:00:00Z");
  }

  @Test
  void councilDeadlinesSkipChristmasAndNewYear() {
    // Received Wednesday 23 December 2026. Thu 24 Dec (1); Fri 25 Christmas Day, Sat 26, Sun 27,
    // Mon 28
    // (Boxing Day substitute) are not working days; Tue 29 (2), Wed 30 (3): end of Wednesday 30
    // December.
    Instant received = Instant.parse("2026-12-23T10:00:00Z");
    assertThat(deadlines.councilAcknowledgeDue(received)).isEqualTo("2026-12-31T00:00:00Z");
    // Respond: 24, 29, 30, 31 Dec (4); Fri 1 Jan 2027 is New Year's Day; 4-8 Jan (9), 11-15 (14),
    // 18-22 (19), Monday 25 January 2027 (20).
    assertThat(deadlines.councilRespondDue(received)).isEqualTo("2027-01-26T00:00:00Z");
  }

  @Test
  void providerAcknowledgesWithin24HoursWhateverTheDay() {
    // Thursday before Good Friday 2026: 24 hours later is during the bank holiday, and still due.
    Instant received = Instant.parse("2026-04-02T09:00:00Z");
    assertThat(deadlines.providerAcknowledgeDue(received)).isEqualTo("2026-04-03T09:00:00Z");
  }

  @Test
  void providerResolvesInThreeWorkingWeeksAcrossEaster() {
    // Received Thursday 2 April 2026 (BST). Good Friday 3 April and Easter Monday 6 April are bank
    // holidays: Tue 7 (1) ... Fri 10 (4), 13-17 (9), 20-24 (14), Monday 27 April (15).
    Instant received = Instant.parse("2026-04-02T09:00:00Z");
    assertThat(deadlines.providerResolveDue(received)).isEqualTo("2026-04-27T23:00:00Z");
  }

  @Test
  void providerResolutionDaysCanBeCalendarDays() {
    ComplaintDeadlines calendarDays = deadlines(DayKind.CALENDAR);
    // Received Thursday 2 April 2026: 15 calendar days later is Friday 17 April, holidays or not.
    Instant received = Instant.parse("2026-04-02T09:00:00Z");
    assertThat(calendarDays.providerResolveDue(received)).isEqualTo("2026-04-17T23:00:00Z");
    // Received Monday 2 March 2026: Tuesday 17 March, against Monday 23 March in working days.
    Instant march = Instant.parse("2026-03-02T08:30:00Z");
    assertThat(calendarDays.providerResolveDue(march)).isEqualTo("2026-03-18T00:00:00Z");
    assertThat(deadlines.providerResolveDue(march)).isEqualTo("2026-03-24T00:00:00Z");
  }

  @Test
  void theWrittenReportIsDueTheConfiguredWorkingDaysAfterDiscussionsFailed() {
    // Friday 13 March 2026 + 5 working days: Mon 16 ... Fri 20 March.
    assertThat(deadlines.writtenReportDue(Instant.parse("2026-03-13T15:00:00Z")))
        .isEqualTo("2026-03-21T00:00:00Z");
  }

  @Test
  void aResponseDateIsMetUntilTheEndOfThatDay() {
    assertThat(deadlines.endOf(LocalDate.of(2026, 4, 17))).isEqualTo("2026-04-17T23:00:00Z");
    assertThat(deadlines.lastDay(Instant.parse("2026-04-17T23:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 4, 17));
    assertThat(deadlines.lastDay(Instant.parse("2026-03-03T08:30:00Z")))
        .isEqualTo(LocalDate.of(2026, 3, 3));
  }

  @Test
  void deadlinesReadAsAnOfficerWouldSayThem() {
    assertThat(deadlines.describe(Instant.parse("2026-12-31T00:00:00Z")))
        .isEqualTo("end of Wed 30 Dec 2026");
    assertThat(deadlines.describe(Instant.parse("2026-04-03T09:00:00Z")))
        .isEqualTo("Fri 3 Apr 2026 10:00");
  }

  @Test
  void rulesNameTheirSeedSectionsAndTheSecondEscalationFollowsTheDeadline() {
    // Timers and their acceleration are the kit's (DeadlinesTest); here only what they are given.
    assertThat(deadlines.acknowledgement(false).seedSection()).isEqualTo("002 App K");
    assertThat(deadlines.acknowledgement(true).seedSection()).isEqualTo("002 App C 4.2");
    assertThat(deadlines.response(true).seedSection()).isEqualTo("002 App C 4.3");
    assertThat(deadlines.writtenReport().seedSection()).isEqualTo("002 §13.5");
    assertThat(deadlines.secondEscalationAfter()).isEqualTo(Duration.ofDays(2));
    assertThat(deadlines.providerAcknowledgeDue(Instant.parse("2026-01-01T09:00:00Z")))
        .isEqualTo("2026-01-02T09:00:00Z");
  }

  @Test
  void periodsMustBePositive() {
    assertThatThrownBy(
            () ->
                new ComplaintProperties(
                    0, 20, Duration.ofHours(24), 15, DayKind.WORKING, 5, Duration.ofDays(2), true))
        .hasMessageContaining("council-acknowledge-working-days");
    assertThatThrownBy(
            () ->
                new ComplaintProperties(
                    3, 20, Duration.ZERO, 15, DayKind.WORKING, 5, Duration.ofDays(2), true))
        .hasMessageContaining("provider-acknowledge-within");
  }

  private static ComplaintDeadlines deadlines(DayKind kind) {
    return new ComplaintDeadlines(
        CALENDAR,
        new ComplaintProperties(
            3, 20, Duration.ofHours(24), 15, kind, 5, Duration.ofDays(2), true));
  }
}
