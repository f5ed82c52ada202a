package uk.gov.council.commissioning.returns;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.ReportingYear;

/**
 * The four quarterly submission deadlines issued to providers at the start of the year (seed 001
 * Part 3.2 §2.1.4, "a copy of the four quarters submission deadlines must be issued"), {@code
 * commissioning.returns}. The seed gives no date: the council's choice is a period after each
 * quarter's last day. Every starter of a quarter's return reads its deadline here.
 *
 * @param deadlineAfterQuarterEnd a return is due at the end of the day this period after the
 *     quarter's last day (P28D: 28 July for April to June)
 */
@Validated
@ConfigurationProperties("commissioning.returns")
public record ReturnDeadlines(
    @NotNull(message = "commissioning.returns.deadline-after-quarter-end must be set")
        @DefaultValue("P28D")
        Period deadlineAfterQuarterEnd) {

  public ReturnDeadlines {
    if (deadlineAfterQuarterEnd != null
        && (deadlineAfterQuarterEnd.isNegative() || deadlineAfterQuarterEnd.isZero())) {
      throw new IllegalArgumentException(
          "commissioning.returns.deadline-after-quarter-end must be a positive period");
    }
  }

  /** The day a quarter's return is due (by the end of it, UK time). */
  public LocalDate dueDate(ReportingQuarter quarter) {
    return quarter.lastDay().plus(deadlineAfterQuarterEnd);
  }

  /** The last quarter's deadline: the last day a year's returns are owed. */
  public LocalDate lastDueDate(ReportingYear year) {
    return dueDate(year.quarter(4));
  }

  /** The due day as the engine and the returns' variables hold it: the start of that UK day. */
  public static Date asDate(LocalDate day) {
    return Date.from(day.atStartOfDay(WorkingDayCalendar.UK).toInstant());
  }
}
