package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.EngineClock;
import uk.gov.council.commissioning.deadlines.TimeAcceleration;
import uk.gov.council.commissioning.decisions.DecisionProperties;
import uk.gov.council.commissioning.decisions.DecisionProperties.ExtensionValueBasis;
import uk.gov.council.commissioning.decisions.KeyDecisionSteps;
import uk.gov.council.commissioning.testkit.TestCalendars;
import uk.gov.council.commissioning.testkit.TestClock;

/** When the extension timers fire, with the real calendar and the bundled bank holidays. */
@ExtendWith(TestClock.class)
class ExtensionDeadlinesTest {

  private static final WorkingDayCalendar CALENDAR = TestCalendars.englandAndWales();
  private static final ExtensionProperties DEFAULTS =
      new ExtensionProperties(Period.ofMonths(9), Period.ofMonths(3), false);

  private final ExtensionDeadlines deadlines = new ExtensionDeadlines(CALENDAR, DEFAULTS);

  /** The call-in period is the key-decision sub-process's, with the shipped five working days. */
  private final KeyDecisionSteps callIn =
      new KeyDecisionSteps(
          new EngineClock(),
          CALENDAR,
          new DecisionProperties(
              new BigDecimal("500000"), new BigDecimal("100000"), 5, ExtensionValueBasis.EXTENSION),
          null);

  /** What the kit's timer expression does with a deadline's row when time is accelerated. */
  private final TimeAcceleration fast = new TimeAcceleration(1440);

  @BeforeEach
  void aClockWellBeforeEveryDeadline() {
    TestClock.set(Date.from(Instant.parse("2019-01-01T09:00:00Z")));
  }

  @Test
  void theSeedContractIsEscalatedThreeMonthsBeforeItEnds() {
    assertThat(deadlines.escalationDay(LocalDate.of(2020, 4, 7)))
        .isEqualTo(LocalDate.of(2020, 1, 7));
    // 7 January is in GMT: UK midnight is midnight UTC.
    assertThat(deadlines.escalationDue(LocalDate.of(2020, 4, 7)))
        .isEqualTo(Instant.parse("2020-01-07T00:00:00Z"));
  }

  @Test
  void theNoticePeriodIsTheCouncilsToSet() {
    ExtensionDeadlines sixWeeks =
        new ExtensionDeadlines(
            CALENDAR, new ExtensionProperties(Period.ofMonths(9), Period.ofWeeks(6), false));

    assertThat(sixWeeks.escalationDay(LocalDate.of(2020, 4, 7)))
        .isEqualTo(LocalDate.of(2020, 2, 25));
  }

  @Test
  void aNoticeOfMonthsFromTheEndOfAMonthLandsOnTheLastDayOfAShorterMonth() {
    assertThat(deadlines.escalationDay(LocalDate.of(2020, 5, 31)))
        .isEqualTo(LocalDate.of(2020, 2, 29));
  }

  /**
   * The lapse is due at midnight UK time at the start of the end date. 7 April 2020 is in BST
   * (UTC+1): the day begins at 23:00 UTC the evening before. On 29 March 2020 the clocks change at
   * 01:00 UTC, so that day itself still starts at 00:00 GMT and the next at 23:00 UTC.
   */
  @ParameterizedTest(name = "{0} lapses at {1}")
  @CsvSource({
    "2020-04-07, 2020-04-06T23:00:00Z",
    "2020-12-31, 2020-12-31T00:00:00Z",
    "2020-03-29, 2020-03-29T00:00:00Z",
    "2020-03-30, 2020-03-29T23:00:00Z"
  })
  void lapseIsMidnightUkTimeAtTheStartOfTheEndDate(LocalDate endDate, Instant due) {
    assertThat(deadlines.lapseDue(endDate)).isEqualTo(due);
  }

  @ParameterizedTest(name = "published {0}: call-in ends {1}, at {2}")
  @CsvSource({
    // Monday 4 May 2020; Friday 8 May was a one-off bank holiday (known only from the published
    // data).
    "2020-05-04, 2020-05-12, 2020-05-12T23:00:00Z",
    // Thursday 19 December 2019: Fri 20, Mon 23, Tue 24, (25 and 26 are bank holidays), Fri 27,
    // Mon 30; it ends at GMT midnight.
    "2019-12-19, 2019-12-30, 2019-12-31T00:00:00Z"
  })
  void callInSkipsBankHolidays(LocalDate published, LocalDate lastDay, Instant ends) {
    assertThat(callIn.callInLastDay(published)).isEqualTo(lastDay);
    assertThat(callIn.callInEnds(published)).isEqualTo(ends);
  }

  @Test
  void aPublicationAtTheWeekendCountsFromTheNextWorkingDay() {
    // Saturday 21 September 2019: Mon 23 .. Fri 27 are the five working days.
    assertThat(callIn.callInLastDay(LocalDate.of(2019, 9, 21)))
        .isEqualTo(LocalDate.of(2019, 9, 27));
  }

  @Test
  void accelerationMakesADayAMinuteOfTheEngineClock() {
    // 00:00 on 6 April 2020 in London; the contract ends on 7 April, a day later.
    Instant now = engineClockAt("2020-04-05T23:00:00Z");

    assertTimerFires(deadlines.lapseDue(LocalDate.of(2020, 4, 7)), 1, now);
    // The escalation day is shown to people, so it stays a real date; only the timer is compressed.
    assertThat(deadlines.escalationDay(LocalDate.of(2020, 7, 6)))
        .isEqualTo(LocalDate.of(2020, 4, 6));
    assertTimerFires(deadlines.escalationDue(LocalDate.of(2020, 7, 7)), 1, now);
  }

  @Test
  void accelerationCompressesTheCallInPeriodFromTheEngineClock() {
    Instant now = engineClockAt("2019-12-19T00:00:00Z");

    // The period still counts real working days (ends 00:00 31 December), twelve days away: twelve
    // minutes.
    assertThat(callIn.callInLastDay(LocalDate.of(2019, 12, 19)))
        .isEqualTo(LocalDate.of(2019, 12, 30));
    assertTimerFires(callIn.callInEnds(LocalDate.of(2019, 12, 19)), 12, now);
  }

  @Test
  void aDeadlineAlreadyPastIsNotMovedByAcceleration() {
    TestClock.set(Date.from(Instant.parse("2020-04-20T08:00:00Z")));

    assertThat(fast.compressUntil(deadlines.lapseDue(LocalDate.of(2020, 4, 7))))
        .isEqualTo(utc("2020-04-06T23:00:00Z"));
  }

  /** Sets the engine's clock; the instant it was set to. */
  private static Instant engineClockAt(String instant) {
    Instant now = Instant.parse(instant);
    TestClock.set(Date.from(now));
    return now;
  }

  /** The timer for {@code due}, compressed, fires {@code minutes} after the engine's now. */
  private void assertTimerFires(Instant due, int minutes, Instant now) {
    assertThat(fast.compressUntil(due)).isEqualTo(Date.from(now.plus(Duration.ofMinutes(minutes))));
  }

  private static Date utc(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
