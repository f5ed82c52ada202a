package uk.gov.council.commissioning.kpireports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;

/**
 * The periods a KPI report is asked for, read the same way by the API and the pages: a reporting
 * year (this one when none is given) or a quarter (the last one ended when none is given), with the
 * message that names the field when the text is not one.
 */
@Component
@RequiredArgsConstructor
class KpiPeriods {

  static final String YEAR_FORMAT =
      "must be a reporting year such as 2026/27 (April 2026 to March 2027)";
  static final String QUARTER_FORMAT =
      "must be a reporting quarter such as 2026/27-Q1 (Q1 is April to June)";

  private static final Pattern PATH_YEAR = Pattern.compile("^(\\d{4})-(\\d{2})-");

  private final Clock clock;

  /** The year given, or the one containing today; empty when the text is not a year. */
  Optional<ReportingYear> yearOrCurrent(String text) {
    return blank(text) ? Optional.of(ReportingYear.containing(today())) : ReportingYear.parse(text);
  }

  /** The quarter given, or the last one ended; empty when the text is not a quarter. */
  Optional<ReportingQuarter> quarterOrLastEnded(String text) {
    return blank(text) ? Optional.of(lastEnded()) : Optional.ofNullable(quarterOf(text));
  }

  ReportingQuarter lastEnded() {
    return ReportingQuarter.containing(today()).previous();
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
  }

  /**
   * Reads "2026/27-Q2", "2026-Q2" (the year it starts in) or, where a slash cannot stand in a path,
   * "2026-27-Q2".
   */
  static ReportingQuarter quarterOf(String text) {
    return text == null
        ? null
        : ReportingQuarter.parse(PATH_YEAR.matcher(text.strip()).replaceFirst("$1/$2-"))
            .orElse(null);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
