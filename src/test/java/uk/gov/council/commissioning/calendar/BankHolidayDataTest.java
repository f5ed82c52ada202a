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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

  @Test
  void englandAndWalesYearsInFull() {
    assertThat(holidays(Nation.ENGLAND_AND_WALES, 2020))
        .containsExactlyInAnyOrder(
            of(2020, 1, 1),
            of(2020, 4, 10),
            of(2020, 4, 13),
            of(2020, 5, 8),
            of(2020, 5, 25),
            of(2020, 8, 31),
            of(2020, 12, 25),
            of(2020, 12, 28));
    assertThat(holidays(Nation.ENGLAND_AND_WALES, 2021))
        .containsExactlyInAnyOrder(
            of(2021, 1, 1),
            of(2021, 4, 2),
            of(2021, 4, 5),
            of(2021, 5, 3),
            of(2021, 5, 31),
            of(2021, 8, 30),
            of(2021, 12, 27),
            of(2021, 12, 28));
    assertThat(holidays(Nation.ENGLAND_AND_WALES, 2022))
        .containsExactlyInAnyOrder(
            of(2022, 1, 3),
            of(2022, 4, 15),
            of(2022, 4, 18),
            of(2022, 5, 2),
            of(2022, 6, 2),
            of(2022, 6, 3),
            of(2022, 8, 29),
            of(2022, 9, 19),
            of(2022, 12, 26),
            of(2022, 12, 27));
    assertThat(holidays(Nation.ENGLAND_AND_WALES, 2023))
        .containsExactlyInAnyOrder(
            of(2023, 1, 2),
            of(2023, 4, 7),
            of(2023, 4, 10),
            of(2023, 5, 1),
            of(2023, 5, 8),
            of(2023, 5, 29),
            of(2023, 8, 28),
            of(2023, 12, 25),
            of(2023, 12, 26));
    assertThat(holidays(Nation.ENGLAND_AND_WALES, 2026))
        .containsExactlyInAnyOrder(
            of(2026, 1, 1),
            of(2026, 4, 3),
            of(2026, 4, 6),
            of(2026, 5, 4),
            of(2026, 5, 25),
            of(2026, 8, 31),
            of(2026, 12, 25),
            of(2026, 12, 28));
    assertThat(holidays(Nation.ENGLAND_AND_WALES, 2027))
        .containsExactlyInAnyOrder(
            of(2027, 1, 1),
            of(2027, 3, 26),
            of(2027, 3, 29),
            of(2027, 5, 3),
            of(2027, 5, 31),
            of(2027, 8, 30),
            of(2027, 12, 27),
            of(2027, 12, 28));
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

  @Test
  void northernIreland() {
    assertThat(holidays(Nation.NORTHERN_IRELAND, 2018)).contains(of(2018, 3, 19), of(2018, 7, 12));
    assertThat(holidays(Nation.NORTHERN_IRELAND, 2019)).contains(of(2019, 3, 18), of(2019, 7, 12));
    assertThat(holidays(Nation.NORTHERN_IRELAND, 2020)).contains(of(2020, 3, 17), of(2020, 7, 13));
    assertThat(holidays(Nation.NORTHERN_IRELAND, 2021)).contains(of(2021, 3, 17), of(2021, 7, 12));
    assertThat(holidays(Nation.NORTHERN_IRELAND, 2024)).contains(of(2024, 3, 18), of(2024, 4, 1));
    assertThat(holidays(Nation.NORTHERN_IRELAND, 2025)).contains(of(2025, 3, 17), of(2025, 7, 14));
    assertThat(holidays(Nation.NORTHERN_IRELAND, 2026)).contains(of(2026, 3, 17), of(2026, 7, 13));
    assertThat(holidays(Nation.NORTHERN_IRELAND, 2027)).contains(of(2027, 3, 17), of(2027, 7, 12));
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
