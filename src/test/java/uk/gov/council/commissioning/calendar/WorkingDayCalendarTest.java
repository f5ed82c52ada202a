package uk.gov.council.commissioning.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

class WorkingDayCalendarTest {

  private static final BankHolidayData DATA = BankHolidayData.bundled();

  private static WorkingDayCalendar calendar(Nation nation, LocalDate... closures) {
    return new WorkingDayCalendar(new CalendarProperties(nation, List.of(closures)), DATA);
  }

  private final WorkingDayCalendar england = calendar(Nation.ENGLAND_AND_WALES);

  @Test
  void weekendsBankHolidaysAndClosuresAreNotWorkingDays() {
    WorkingDayCalendar withClosure = calendar(Nation.ENGLAND_AND_WALES, of(2026, 12, 29));

    assertThat(england.isWorkingDay(of(2025, 4, 17))).as("Thursday").isTrue();
    assertThat(england.isWorkingDay(of(2025, 4, 19))).as("Saturday").isFalse();
    assertThat(england.isWorkingDay(of(2025, 4, 20))).as("Sunday").isFalse();
    assertThat(england.isWorkingDay(of(2025, 4, 21))).as("Easter Monday").isFalse();
    assertThat(england.isWorkingDay(of(2026, 12, 29))).isTrue();
    assertThat(withClosure.isWorkingDay(of(2026, 12, 29))).as("closure day").isFalse();
  }

  @Test
  void theConfiguredNationDecides() {
    WorkingDayCalendar scotland = calendar(Nation.SCOTLAND);
    WorkingDayCalendar northernIreland = calendar(Nation.NORTHERN_IRELAND);

    assertThat(scotland.nation()).isEqualTo(Nation.SCOTLAND);
    assertThat(england.isWorkingDay(of(2026, 1, 2))).isTrue();
    assertThat(scotland.isWorkingDay(of(2026, 1, 2))).isFalse();
    assertThat(scotland.isWorkingDay(of(2025, 4, 21))).as("no Easter Monday in Scotland").isTrue();
    assertThat(northernIreland.isWorkingDay(of(2026, 3, 17))).isFalse();
    assertThat(northernIreland.isWorkingDay(of(2026, 7, 13))).isFalse();
    assertThat(england.isWorkingDay(of(2026, 7, 13))).isTrue();
  }

  @Test
  void addWorkingDaysAcrossEaster() {
    assertThat(england.addWorkingDays(of(2025, 4, 17), 1)).isEqualTo(of(2025, 4, 22));
    assertThat(calendar(Nation.SCOTLAND).addWorkingDays(of(2025, 4, 17), 1))
        .isEqualTo(of(2025, 4, 21));
  }

  @Test
  void addWorkingDaysAcrossChristmasAndNewYear() {
    assertThat(england.addWorkingDays(of(2026, 12, 24), 3)).isEqualTo(of(2026, 12, 31));
    assertThat(england.addWorkingDays(of(2026, 12, 24), 4)).isEqualTo(of(2027, 1, 4));
    assertThat(calendar(Nation.SCOTLAND).addWorkingDays(of(2026, 12, 31), 1))
        .isEqualTo(of(2027, 1, 5));
    assertThat(england.addWorkingDays(of(2021, 12, 24), 1)).isEqualTo(of(2021, 12, 29));
    assertThat(england.addWorkingDays(of(2022, 12, 23), 1)).isEqualTo(of(2022, 12, 28));
  }

  @Test
  void addWorkingDaysAcrossAWeekendAndAClosure() {
    assertThat(england.addWorkingDays(of(2025, 6, 6), 1))
        .as("Friday + 1")
        .isEqualTo(of(2025, 6, 9));
    assertThat(england.addWorkingDays(of(2025, 6, 7), 1))
        .as("Saturday + 1")
        .isEqualTo(of(2025, 6, 9));
    assertThat(england.addWorkingDays(of(2025, 6, 2), 10)).isEqualTo(of(2025, 6, 16));
    assertThat(calendar(Nation.ENGLAND_AND_WALES, of(2025, 6, 9)).addWorkingDays(of(2025, 6, 6), 1))
        .isEqualTo(of(2025, 6, 10));
  }

  @Test
  void zeroWorkingDaysIsTheStartOrTheNextWorkingDay() {
    assertThat(england.addWorkingDays(of(2025, 6, 6), 0)).isEqualTo(of(2025, 6, 6));
    assertThat(england.addWorkingDays(of(2025, 4, 18), 0)).isEqualTo(of(2025, 4, 22));
  }

  @Test
  void negativeWorkingDaysAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> england.addWorkingDays(of(2025, 6, 6), -1))
        .withMessageContaining("workingDays");
  }

  @Test
  void workingDaysBetween() {
    assertThat(england.workingDaysBetween(of(2025, 4, 17), of(2025, 4, 22))).isEqualTo(1);
    assertThat(england.workingDaysBetween(of(2026, 12, 24), of(2026, 12, 31))).isEqualTo(3);
    assertThat(england.workingDaysBetween(of(2025, 6, 2), of(2025, 6, 16))).isEqualTo(10);
    assertThat(england.workingDaysBetween(of(2025, 6, 6), of(2025, 6, 6))).isZero();
    assertThat(england.workingDaysBetween(of(2025, 6, 9), of(2025, 6, 6))).isZero();
    assertThat(
            calendar(Nation.ENGLAND_AND_WALES, of(2026, 12, 29), of(2026, 12, 30))
                .workingDaysBetween(of(2026, 12, 24), of(2026, 12, 31)))
        .isEqualTo(1);
  }

  @Test
  void addingThenCountingRoundTrips() {
    LocalDate start = of(2025, 12, 1);
    for (int n = 1; n <= 40; n++) {
      assertThat(england.workingDaysBetween(start, england.addWorkingDays(start, n))).isEqualTo(n);
    }
  }

  @Test
  void bankHolidaysOfTheConfiguredNation() {
    assertThat(england.bankHolidays(2023)).hasSize(9).contains(of(2023, 5, 8));
    assertThat(calendar(Nation.SCOTLAND).bankHolidays(2023)).contains(of(2023, 11, 30));
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void fallsBackToTheRulesOnceForAYearWithoutData(CapturedOutput output) {
    WorkingDayCalendar calendar = calendar(Nation.ENGLAND_AND_WALES);

    assertThat(calendar.bankHolidays(2031))
        .isEqualTo(BankHolidayRules.holidays(Nation.ENGLAND_AND_WALES, 2031));
    assertThat(calendar.isWorkingDay(of(2031, 4, 14))).as("Easter Monday 2031").isFalse();
    calendar.isWorkingDay(of(2031, 6, 2));

    assertThat(output.getOut().split("using the regular rules", -1)).hasSize(2);
    assertThat(output.getOut()).contains("england-and-wales in 2031");
  }

  @Test
  void publishedDataWinsForACoveredYear() {
    assertThat(england.bankHolidays(2022))
        .isEqualTo(DATA.holidays(Nation.ENGLAND_AND_WALES, 2022).orElseThrow())
        .isNotEqualTo(BankHolidayRules.holidays(Nation.ENGLAND_AND_WALES, 2022));
  }

  @Test
  void startOfDayAfterIsUkMidnight() {
    assertThat(england.startOfDayAfter(of(2026, 1, 15)).toInstant())
        .isEqualTo(Instant.parse("2026-01-16T00:00:00Z"));
    assertThat(england.startOfDayAfter(of(2026, 7, 15)).toInstant())
        .isEqualTo(Instant.parse("2026-07-15T23:00:00Z"));
    assertThat(england.startOfDayAfter(of(2026, 3, 28)).toInstant())
        .as("the night the clocks go forward")
        .isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @CsvSource({
    "2026-03-17, St Patrick's Day (NI), false",
    "2026-07-13, 'Battle of the Boyne, substitute (NI)', false",
    "2026-08-03, Summer bank holiday (Scotland), false",
    "2026-08-31, 'Summer bank holiday (E&W, NI)', false",
    "2026-11-30, St Andrew's Day (Scotland), false",
    "2026-01-02, 2 January (Scotland), false",
    "2026-04-06, Easter Monday (not Scotland), false",
    "2026-03-16, an ordinary Monday, true"
  })
  void aUkWideWorkingDayIsABankHolidayInNoNationWhicheverIsConfigured(
      LocalDate day, String which, boolean workingDay) {
    for (WorkingDayCalendar each : List.of(england, calendar(Nation.SCOTLAND))) {
      assertThat(each.isWorkingDayThroughoutUk(day)).as(which).isEqualTo(workingDay);
    }
  }

  @Test
  void councilClosureDaysDoNotChangeTheUkWideDefinition() {
    WorkingDayCalendar withClosure = calendar(Nation.ENGLAND_AND_WALES, of(2026, 12, 29));
    assertThat(withClosure.isWorkingDay(of(2026, 12, 29))).isFalse();
    assertThat(withClosure.isWorkingDayThroughoutUk(of(2026, 12, 29))).isTrue();
  }

  @Test
  void addUkWideWorkingDaysSkipsEveryNationsHolidays() {
    // From Monday 16 March 2026: Tue 17 (St Patrick's Day, NI) is skipped UK-wide but not in
    // England.
    assertThat(england.addWorkingDays(of(2026, 3, 16), 1)).isEqualTo(of(2026, 3, 17));
    assertThat(england.addWorkingDaysThroughoutUk(of(2026, 3, 16), 1)).isEqualTo(of(2026, 3, 18));
    assertThat(england.addWorkingDaysThroughoutUk(of(2026, 3, 14), 0)).isEqualTo(of(2026, 3, 16));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> england.addWorkingDaysThroughoutUk(of(2026, 3, 16), -1));
  }

  @Test
  void bankHolidaysOfAnotherNationAreAvailable() {
    assertThat(england.bankHolidays(Nation.SCOTLAND, 2026)).contains(of(2026, 11, 30));
    assertThat(england.bankHolidays(2026)).doesNotContain(of(2026, 11, 30));
  }
}
