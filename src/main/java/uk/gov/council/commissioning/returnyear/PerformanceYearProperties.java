package uk.gov.council.commissioning.returnyear;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The annual performance year (seed 001 Part 3.2 §2, §4.1.6, §5), {@code
 * commissioning.performance-year}. The seed sets no time for the council's own steps: these are the
 * council's choice.
 *
 * @param startCron when each year's cases start for every active contract with KPI catalogues (UK
 *     time; "-" never): 1 April, the start of the reporting year (§2.1.1)
 * @param reviewWorkingDays the purchasing officer checks the pre-filled contract page within this
 *     many working days
 * @param assessWorkingDays a change the provider notifies is assessed within this many working days
 *     (§5.1.1)
 * @param guidanceWorkingDays the contracts manager gives guidance on an adverse change within this
 *     many working days
 * @param lateReportMargin the quarterly report of late returns (§4.1.6) is compiled this long after
 *     the quarter's deadline, so that returns on their way are not counted late
 * @param lateReportCycle how often the late-returns report process looks for a quarter to report (a
 *     Camunda timer cycle: a cron expression or an ISO repeat)
 * @param coreStrategyGroupEmails where the late-returns report goes for the Core Strategy Group;
 *     empty: the members of the core-strategy-group group
 * @param commissioningBodyEmails where it goes for the Commissioning Body
 */
@Validated
@ConfigurationProperties("commissioning.performance-year")
public record PerformanceYearProperties(
    @NotBlank(message = "commissioning.performance-year.start-cron must be set")
        @DefaultValue("0 0 6 1 4 *")
        String startCron,
    @Positive(message = "commissioning.performance-year.review-working-days must be at least 1")
        @DefaultValue("10")
        int reviewWorkingDays,
    @Positive(message = "commissioning.performance-year.assess-working-days must be at least 1")
        @DefaultValue("10")
        int assessWorkingDays,
    @Positive(message = "commissioning.performance-year.guidance-working-days must be at least 1")
        @DefaultValue("5")
        int guidanceWorkingDays,
    @NotNull(message = "commissioning.performance-year.late-report-margin must be set")
        @DefaultValue("P7D")
        Period lateReportMargin,
    @NotBlank(message = "commissioning.performance-year.late-report-cycle must be set")
        @DefaultValue("0 0 7 * * ?")
        String lateReportCycle,
    @DefaultValue({}) List<String> coreStrategyGroupEmails,
    @DefaultValue({}) List<String> commissioningBodyEmails) {

  public PerformanceYearProperties {
    coreStrategyGroupEmails =
        coreStrategyGroupEmails == null ? List.of() : List.copyOf(coreStrategyGroupEmails);
    commissioningBodyEmails =
        commissioningBodyEmails == null ? List.of() : List.copyOf(commissioningBodyEmails);
    if (lateReportMargin != null && lateReportMargin.isNegative()) {
      throw new IllegalArgumentException(
          "commissioning.performance-year.late-report-margin must not be negative");
    }
  }
}
