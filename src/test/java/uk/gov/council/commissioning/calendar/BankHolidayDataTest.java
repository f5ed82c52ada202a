package uk.gov.council.commissioning.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class BankHolidayDataTest {

  private static final BankHolidayData DATA = BankHolidayData.bundled();

  private static Set<LocalDate> holidays(Nation nation, int year) {
    return DATA.holidays(nation, year).orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(Nation.class)
  void coversTwentyEighteenToTwentyTwentySevenForEveryNation(Nation nation) {
    for (int year = 2018; year <= 2027; year++) {
      assertThat(DATA.covers(nation, year)).as("%s %d", nation, year).isTrue();
    }
    assertThat(DATA.covers(nation, 2017)).isFalse();
    assertThat(DATA.covers(nation, 2028)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Nation.class)
  void noPublishedHolidayFallsAtAWeekend(Nation nation) {
    for (int year = 2018; year <= 2027; year++) {
      assertThat(holidays(nation, year))
          .as("%s %d", nation, year)
          .noneMatch(
              d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
    }
  }

  @Test
  void englandAndWalesEaster() {
    assertThat(holidays(Nation.ENGLAND_AND_WALES, 2019)).contains(of(2019, 4, 19), of(2019, 4, 22));
    assertThat(holidays(Nation.ENGLAND_AND_WALES, 2024)).contains(of(2024, 3, 29), of(2024, 4, 1));
    assertThat(holidays(Nation.ENGLAND_AND_WALES, 2025)).contains(of(2025, 4, 18), of(2025, 4, 21));
  }

  @ParameterizedTest(name = "England and Wales {0}")
  @CsvSource({
    "2020, 01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28",
    "2021, 01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28",
    "2022, 01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
    "2023, 01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
    "2026, 01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
    "2027, 01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28"
  })
  void englandAndWalesYearsInFull(int year, String monthDays) {
    assertThat(holidays(Nation.ENGLAND_AND_WALES, year))
        .containsExactlyInAnyOrder(
            Stream.of(monthDays.split(" "))
                .map(md -> LocalDate.parse(year + "-" + md))
                .toArray(LocalDate[]::new));
  }

  @Test
  void oneOffChangesApplyInEveryNation() {
    for (Nation nation : Nation.values()) {
      assertThat(holidays(nation, 2020))
          .as("%s VE Day", nation)
          .contains(of(2020, 5, 8))
          .doesNotContain(of(2020, 5, 4));
      assertThat(holidays(nation, 2022))
          .as("%s Platinum Jubilee and State Funeral", nation)
          .contains(of(2022, 6, 2), of(2022, 6, 3), of(2022, 9, 19))
          .doesNotContain(of(2022, 5, 30));
      assertThat(holidays(nation, 2023))
          .as("%s Coronation", nation)
          .contains(of(2023, 5, 1), of(2023, 5, 8));
    }
  }

  @Test
  void scotland() {
    Set<LocalDate> y2021 = holidays(Nation.SCOTLAND, 2021);
    assertThat(y2021)
        .contains(of(2021, 1, 1), of(2021, 1, 4), of(2021, 4, 2), of(2021, 8, 2), of(2021, 11, 30))
        .doesNotContain(of(2021, 4, 5), of(2021, 8, 30));
    assertThat(holidays(Nation.SCOTLAND, 2022)).contains(of(2022, 1, 3), of(2022, 1, 4));
    assertThat(holidays(Nation.SCOTLAND, 2023)).contains(of(2023, 1, 2), of(2023, 1, 3));
    assertThat(holidays(Nation.SCOTLAND, 2025))
        .contains(of(2025, 1, 2), of(2025, 12, 1))
        .doesNotContain(of(2025, 4, 21));
    assertThat(holidays(Nation.SCOTLAND, 2019)).contains(of(2019, 12, 2));
    assertThat(holidays(Nation.SCOTLAND, 2024)).contains(of(2024, 12, 2), of(2024, 8, 5));
    assertThat(holidays(Nation.SCOTLAND, 2026)).contains(of(2026, 1, 2), of(2026, 11, 30));
    assertThat(holidays(Nation.SCOTLAND, 2027)).contains(of(2027, 1, 4));
  }

  @ParameterizedTest(name = "Northern Ireland {0}: {1} and {2}")
  @CsvSource({
    "2018, 03-19, 07-12",
    "2019, 03-18, 07-12",
    "2020, 03-17, 07-13",
    "2021, 03-17, 07-12",
    "2024, 03-18, 04-01",
    "2025, 03-17, 07-14",
    "2026, 03-17, 07-13",
    "2027, 03-17, 07-12"
  })
  void northernIreland(int year, String first, String second) {
    assertThat(holidays(Nation.NORTHERN_IRELAND, year))
        .contains(LocalDate.parse(year + "-" + first), LocalDate.parse(year + "-" + second));
  }

  @Test
  void aDocumentWithoutADivisionCoversNoYearsForIt() throws IOException {
    String json =
        """
        {"scotland":{"division":"scotland","events":[
          {"title":"St Andrew’s Day","date":"2030-12-02","notes":"Substitute day","bunting":true},
          {"title":"Christmas Day","date":"2032-12-27","notes":"Substitute day","bunting":true}]}}
        """;
    BankHolidayData data =
        BankHolidayData.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

    assertThat(data.covers(Nation.ENGLAND_AND_WALES, 2030)).isFalse();
    assertThat(data.holidays(Nation.SCOTLAND, 2030)).contains(Set.of(of(2030, 12, 2)));
    assertThat(data.holidays(Nation.SCOTLAND, 2031))
        .as("a year between listed years")
        .contains(Set.of());
  }

  @Test
  void anInvalidDateIsRefused() {
    String json =
        """
        {"england-and-wales":{"division":"england-and-wales","events":[{"title":"X","date":"2030-02-30"}]}}
        """;
    assertThatThrownBy(
            () ->
                BankHolidayData.fromJson(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("2030-02-30");
  }
}
