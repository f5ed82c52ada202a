package uk.gov.council.commissioning.kpis;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A performance reporting year, April to March (seed 001 Part 3.2 §2.1.1). 2026 is 1 April 2026 to
 * 31 March 2027, written "2026/27".
 */
public record ReportingYear(int startYear) {

  private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:/(\\d{2}))?");

  public ReportingYear {
    if (startYear < 2000 || startYear > 2199) {
      throw new IllegalArgumentException("No such reporting year: " + startYear);
    }
  }

  /** Reads "2026/27" or "2026"; empty for anything else, including "2026/28". */
  public static Optional<ReportingYear> parse(String text) {
    Matcher m = text == null ? null : TEXT.matcher(text.trim());
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    int start = Integer.parseInt(m.group(1));
    if (start < 2000 || start > 2199) {
      return Optional.empty();
    }
    if (m.group(2) != null && Integer.parseInt(m.group(2)) != (start + 1) % 100) {
      return Optional.empty();
    }
    return Optional.of(new ReportingYear(start));
  }

  /** The reporting year a UK day falls in. */
  public static ReportingYear containing(LocalDate day) {
    return new ReportingYear(
        day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() : day.getYear() - 1);
  }

  public LocalDate firstDay() {
    return LocalDate.of(startYear, Month.APRIL, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, Month.MARCH, 31);
  }

  public List<ReportingQuarter> quarters() {
    return IntStream.rangeClosed(1, 4).mapToObj(n -> new ReportingQuarter(this, n)).toList();
  }

  public ReportingQuarter quarter(int number) {
    return new ReportingQuarter(this, number);
  }

  public ReportingYear next() {
    return new ReportingYear(startYear + 1);
  }

  public ReportingYear previous() {
    return new ReportingYear(startYear - 1);
  }

  /** "2026/27". */
  public String label() {
    return String.format("%d/%02d", startYear, (startYear + 1) % 100);
  }

  @Override
  public String toString() {
    return label();
  }
}
