package uk.gov.council.commissioning.kpis;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of a reporting year: Q1 is April to June, Q4 January to March (seed 001 Part 3.2
 * §2.1.4, "the four quarters submission deadlines"). Written "2026/27-Q1".
 */
public record ReportingQuarter(ReportingYear year, int number) {

  private static final Pattern TEXT = Pattern.compile("(\\d{4}(?:/\\d{2})?)-?Q([1-4])");

  public ReportingQuarter {
    if (year == null || number < 1 || number > 4) {
      throw new IllegalArgumentException("No such quarter: " + year + " Q" + number);
    }
  }

  /** Reads "2026/27-Q1", "2026/27 Q1" or "2026-Q1" (the year it starts in); empty otherwise. */
  public static Optional<ReportingQuarter> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = TEXT.matcher(text.trim().replace(' ', '-').toUpperCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    return ReportingYear.parse(m.group(1))
        .map(y -> new ReportingQuarter(y, Integer.parseInt(m.group(2))));
  }

  /** The quarter a UK day falls in. */
  public static ReportingQuarter containing(LocalDate day) {
    ReportingYear year = ReportingYear.containing(day);
    int monthsIn = (day.getMonthValue() + 8) % 12; // April = 0
    return new ReportingQuarter(year, monthsIn / 3 + 1);
  }

  public LocalDate firstDay() {
    return year.firstDay().plusMonths(3L * (number - 1));
  }

  public LocalDate lastDay() {
    return firstDay().plusMonths(3).minusDays(1);
  }

  /** True once the quarter's last day is over, i.e. on or after the day after it. */
  public boolean endedBy(LocalDate today) {
    return today.isAfter(lastDay());
  }

  public ReportingQuarter next() {
    return number < 4
        ? new ReportingQuarter(year, number + 1)
        : new ReportingQuarter(year.next(), 1);
  }

  public ReportingQuarter previous() {
    return number > 1
        ? new ReportingQuarter(year, number - 1)
        : new ReportingQuarter(year.previous(), 4);
  }

  /** "2026/27-Q1". */
  public String label() {
    return year.label() + "-Q" + number;
  }

  @Override
  public String toString() {
    return label();
  }
}
