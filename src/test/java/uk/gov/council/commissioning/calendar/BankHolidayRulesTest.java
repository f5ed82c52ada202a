package uk.gov.council.commissioning.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BankHolidayRulesTest {

  /** Changes made by proclamation in the covered years: the same in every nation. */
  private static final Map<Integer, Set<LocalDate>> ONE_OFF_ADDED =
      Map.of(
          2020, Set.of(of(2020, 5, 8)),
          2022, Set.of(of(2022, 6, 2), of(2022, 6, 3), of(2022, 9, 19)),
          2023, Set.of(of(2023, 5, 8)));

  private static final Map<Integer, Set<LocalDate>> ONE_OFF_REMOVED =
      Map.of(
          2020, Set.of(of(2020, 5, 4)),
          2022, Set.of(of(2022, 5, 30)));

  @Test
  void easterSunday() {
    assertThat(BankHolidayRules.easterSunday(2018)).isEqualTo(of(2018, 4, 1));
    assertThat(BankHolidayRules.easterSunday(2019)).isEqualTo(of(2019, 4, 21));
    assertThat(BankHolidayRules.easterSunday(2024)).isEqualTo(of(2024, 3, 31));
    assertThat(BankHolidayRules.easterSunday(2025)).isEqualTo(of(2025, 4, 20));
    assertThat(BankHolidayRules.easterSunday(2038)).isEqualTo(of(2038, 4, 25));
    assertThat(BankHolidayRules.easterSunday(2285)).isEqualTo(of(2285, 3, 22));
  }

  @ParameterizedTest
  @EnumSource(Nation.class)
  void rulesAgreeWithThePublishedDataExceptForOneOffChanges(Nation nation) {
    BankHolidayData data = BankHolidayData.bundled();
    for (int year = 2018; year <= 2027; year++) {
      Set<LocalDate> expected = new TreeSet<>(data.holidays(nation, year).orElseThrow());
      expected.removeAll(ONE_OFF_ADDED.getOrDefault(year, Set.of()));
      expected.addAll(ONE_OFF_REMOVED.getOrDefault(year, Set.of()));

      assertThat(BankHolidayRules.holidays(nation, year))
          .as("%s %d", nation, year)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void substitutesInLaterYears() {
    // 2032: Christmas on Saturday, Boxing Day on Sunday; 2033: New Year's Day on Saturday.
    assertThat(BankHolidayRules.holidays(Nation.ENGLAND_AND_WALES, 2032))
        .contains(of(2032, 12, 27), of(2032, 12, 28));
    assertThat(BankHolidayRules.holidays(Nation.SCOTLAND, 2033))
        .contains(of(2033, 1, 3), of(2033, 1, 4));
    assertThat(BankHolidayRules.holidays(Nation.SCOTLAND, 2031))
        .contains(of(2031, 12, 1))
        .doesNotContain(of(2031, 11, 30));
    assertThat(BankHolidayRules.holidays(Nation.NORTHERN_IRELAND, 2031))
        .contains(of(2031, 3, 17), of(2031, 7, 14));
  }
}
