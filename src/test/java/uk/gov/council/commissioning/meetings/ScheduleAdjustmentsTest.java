package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lead purchasing officer's adjustments (seed 001 Part 3.1 §1): each line read, each problem
 * naming the field and the line.
 */
class ScheduleAdjustmentsTest {

  static final Year YEAR = Year.of(2027);
  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final Set<String> DRAFT = Set.of("HC-1", "DS-2");

  @Test
  void eachLineGivesAContractItsDatesInOrderWithoutRepeats() {
    ScheduleAdjustments.Parsed parsed =
        ScheduleAdjustments.parse(
            "HC-1: 2027-08-12, 2027-02-10, 2027-02-10\n\n  DS-2 : 2027-05-04  ",
            YEAR,
            TODAY,
            DRAFT);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.dates())
        .containsEntry("HC-1", List.of(LocalDate.of(2027, 2, 10), LocalDate.of(2027, 8, 12)))
        .containsEntry("DS-2", List.of(LocalDate.of(2027, 5, 4)));
  }

  @Test
  void anEmptyFieldKeepsTheDraft() {
    assertThat(ScheduleAdjustments.parse(null, YEAR, TODAY, DRAFT).dates()).isEmpty();
    assertThat(ScheduleAdjustments.parse("  \n", YEAR, TODAY, DRAFT).problems()).isEmpty();
  }

  @Test
  void everyBadLineIsRefusedNamingTheFieldAndTheLine() {
    ScheduleAdjustments.Parsed parsed =
        ScheduleAdjustments.parse(
            String.join(
                "\n",
                "HC-1: 2026-12-01",
                "XX-9: 2027-03-01",
                "DS-2: 2028-01-05",
                "no colon here",
                "HC-1: 2027-03-01",
                "DS-2: soon"),
            YEAR,
            TODAY,
            DRAFT);

    assertThat(parsed.problems())
        .containsExactly(
            "adjustments: line 1 has 2026-12-01, which is in the past: a meeting is scheduled ahead",
            "adjustments: line 2 names XX-9, which is not a contract in the draft",
            "adjustments: line 3 has 2028-01-05, which is not in 2027",
            "adjustments: line 4 is not \"contract reference: date, date\" (dates as yyyy-mm-dd)",
            "adjustments: line 5 names HC-1 again; give all its dates on one line",
            "adjustments: line 6 names DS-2 again; give all its dates on one line");
  }

  @Test
  void aContractLeftWithoutAMeetingIsRefused() {
    assertThat(ScheduleAdjustments.parse("HC-1:", YEAR, TODAY, DRAFT).problems())
        .containsExactly(
            "adjustments: line 1 gives no meeting date for HC-1: every contract is met at least"
                + " yearly");
    assertThat(ScheduleAdjustments.parse("HC-1: 2027-1-5", YEAR, TODAY, DRAFT).problems())
        .containsExactly("adjustments: line 1 has 2027-1-5, which is not a date as yyyy-mm-dd");
  }

  @Test
  void todayItselfIsNotInThePast() {
    ScheduleAdjustments.Parsed parsed =
        ScheduleAdjustments.parse("HC-1: 2027-01-04", YEAR, LocalDate.of(2027, 1, 4), DRAFT);

    assertThat(parsed.problems()).isEmpty();
  }
}
