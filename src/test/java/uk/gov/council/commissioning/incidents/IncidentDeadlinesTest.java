package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.council.commissioning.calendar.BankHolidayData;
import uk.gov.council.commissioning.calendar.CalendarProperties;
import uk.gov.council.commissioning.calendar.Nation;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.EngineClock;
import uk.gov.council.commissioning.deadlines.TimeAcceleration;
import uk.gov.council.commissioning.testkit.TestClock;
import uk.gov.council.commissioning.testkit.TestDeadlines;

/**
 * When the serious-incident deadlines fall (seed 002 §12.4-12.5) by their rules, and the timers
 * that read them, with the bundled bank holidays.
 */
@ExtendWith(TestClock.class)
class IncidentDeadlinesTest {

  private static final WorkingDayCalendar CALENDAR =
      new WorkingDayCalendar(
          new CalendarProperties(Nation.ENGLAND_AND_WALES, List.of()), BankHolidayData.bundled());
  private static final IncidentProperties DEFAULTS =
      new IncidentProperties(
          Duration.ofHours(12), Duration.ofHours(48), Duration.ofHours(24), 5, 2, 2);

  private static final EngineClock CLOCK = new EngineClock();

  private final IncidentDeadlines deadlines =
      new IncidentDeadlines(TestDeadlines.withoutRegister(CALENDAR), DEFAULTS);

  @Test
  void bothReportsAreDueFromTheMomentTheIncidentOccurred() {
    Instant occurred = Instant.parse("2025-05-22T07:00:00Z");

    assertThat(deadlines.initialReport().dueFrom(occurred, CALENDAR))
        .isEqualTo(Instant.parse("2025-05-22T19:00:00Z"));
    assertThat(deadlines.reportingForm().dueFrom(occurred, CALENDAR))
        .isEqualTo(Instant.parse("2025-05-24T07:00:00Z"));
    assertThat(
            deadlines
                .initialReport()
                .dueFrom(occurred, CALENDAR)
                .plus(deadlines.secondEscalationAfter()))
        .isEqualTo(Instant.parse("2025-05-23T19:00:00Z"));
    assertThat(deadlines.initialReport().seedSection()).isEqualTo("002 §12.4");
    assertThat(deadlines.reportingForm().seedSection()).isEqualTo("002 §12.5");
  }

  @Test
  void twelveHoursAcrossTheClockChangeAreTwelveRealHours() {
    // The clocks went forward at 01:00 GMT on 30 March 2025.
    Instant occurred = uk(LocalDateTime.of(2025, 3, 29, 23, 0));

    assertThat(deadlines.initialReport().dueFrom(occurred, CALENDAR))
        .isEqualTo(uk(LocalDateTime.of(2025, 3, 30, 12, 0)));
  }

  @Test
  void aTimerForAPastDeadlineIsDueAtOnceAndAFutureOneOnTheDeadline() {
    setClock(LocalDateTime.of(2025, 5, 22, 9, 0));

    TimeAcceleration realTime = new TimeAcceleration(1, CLOCK);

    assertThat(realTime.compressUntil(Instant.parse("2025-05-20T00:00:00Z")))
        .isEqualTo(Date.from(Instant.parse("2025-05-20T00:00:00Z")));
    assertThat(realTime.compressUntil(Instant.parse("2025-05-22T19:00:00Z")))
        .isEqualTo(Date.from(Instant.parse("2025-05-22T19:00:00Z")));
  }

  @Test
  void timeAccelerationCompressesTheTimeLeftOnce() {
    setClock(LocalDateTime.of(2025, 5, 22, 8, 0));
    TimeAcceleration demo = new TimeAcceleration(1440, CLOCK);
    Instant due =
        deadlines.initialReport().dueFrom(uk(LocalDateTime.of(2025, 5, 22, 8, 0)), CALENDAR);

    // Twelve hours pass in half a minute.
    assertThat(demo.compressUntil(due))
        .isEqualTo(Date.from(uk(LocalDateTime.of(2025, 5, 22, 8, 0, 30))));
  }

  @Test
  void updatesAreRequestedAtTheEndOfTheFifthWorkingDaySkippingTheWeekendAndTheBankHoliday() {
    // Thursday 22 May 2025; Monday 26 May is the Spring bank holiday: Fri 23, Tue 27, Wed 28, Thu
    // 29, Fri 30.
    setClock(LocalDateTime.of(2025, 5, 22, 15, 0));

    assertThat(deadlines.nextUpdate().dueFrom(CLOCK.instant(), CALENDAR))
        .isEqualTo(uk(LocalDateTime.of(2025, 5, 31, 0, 0)));
  }

  @Test
  void updatesOverChristmasSkipChristmasBoxingDayAndNewYearsDay() {
    // Tuesday 23 December 2025: Wed 24, Mon 29, Tue 30, Wed 31, Fri 2 January.
    setClock(LocalDateTime.of(2025, 12, 23, 10, 0));

    assertThat(deadlines.nextUpdate().dueFrom(CLOCK.instant(), CALENDAR))
        .isEqualTo(uk(LocalDateTime.of(2026, 1, 3, 0, 0)));
  }

  @Test
  void providerAnswersAndCouncilTasksAreDueInTheirOwnWorkingDays() {
    setClock(LocalDateTime.of(2025, 5, 23, 16, 0));
    IncidentDeadlines custom =
        new IncidentDeadlines(
            TestDeadlines.withoutRegister(CALENDAR),
            new IncidentProperties(
                Duration.ofHours(12), Duration.ofHours(48), Duration.ofHours(24), 5, 3, 1));

    // Friday 23 May + 3 working days (not Monday 26): Thursday 29 May; + 1: Tuesday 27 May.
    assertThat(custom.providerResponseDue())
        .isEqualTo(Date.from(uk(LocalDateTime.of(2025, 5, 30, 0, 0))));
    assertThat(custom.councilActionDue())
        .isEqualTo(Date.from(uk(LocalDateTime.of(2025, 5, 28, 0, 0))));
  }

  @Test
  void periodsMustBePositive() {
    assertThatThrownBy(
            () ->
                new IncidentProperties(
                    Duration.ZERO, Duration.ofHours(48), Duration.ofHours(24), 5, 2, 2))
        .hasMessageContaining("commissioning.incidents.initial-report-within");
    assertThatThrownBy(
            () ->
                new IncidentProperties(
                    Duration.ofHours(12), Duration.ofHours(48), Duration.ofHours(24), 0, 2, 2))
        .hasMessageContaining("commissioning.incidents.update-interval-working-days");
  }

  private static void setClock(LocalDateTime ukTime) {
    TestClock.set(Date.from(uk(ukTime)));
  }

  private static Instant uk(LocalDateTime time) {
    return time.atZone(WorkingDayCalendar.UK).toInstant();
  }
}
