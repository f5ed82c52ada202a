package uk.gov.council.commissioning.returnyear;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.ContractStatus;
import uk.gov.council.commissioning.kpis.ReportingYear;

/**
 * Nobody has to remember the start of the year: on 1 April ({@code
 * commissioning.performance-year.start-cron}) every active contract with KPI catalogues for the
 * year gets its performance-year case (seed 001 Part 3.2 §2.1.1, "At the beginning of each
 * reporting year"), unless it has one already.
 */
@Service
@RequiredArgsConstructor
public class PerformanceYearStarts {

  private final CaseStarts cases;
  private final ContractService contracts;
  private final ContractPages pages;
  private final JdbcClient jdbc;
  private final Clock clock;

  /** What a start did. */
  public record Started(String businessKey, String processInstanceId, boolean created) {}

  @Scheduled(cron = "${commissioning.performance-year.start-cron}", zone = "Europe/London")
  public void startOfYear() {
    startAll(ReportingYear.containing(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK)));
  }

  /** Starts the year's case of every active contract with catalogues for the year. */
  public List<Started> startAll(ReportingYear year) {
    List<Started> started = new ArrayList<>();
    for (String reference : withCatalogues(year)) {
      Optional<Contract> contract = contracts.findByReference(reference);
      if (contract.isPresent() && runsIn(contract.get(), year)) {
        Started s = startAsSystem(contract.get(), year);
        if (s.created()) {
          started.add(s);
        }
      }
    }
    return started;
  }

  /** Whether the year already has its case, running or done (a locked first version). */
  public boolean exists(Contract contract, ReportingYear year) {
    return cases.isOpen(
            PerformanceYearSteps.PROCESS_KEY,
            PerformanceYearSteps.businessKey(contract.reference(), year.startYear()))
        || pages.hasVersion(contract.id(), year.startYear(), 1);
  }

  Started startAsSystem(Contract contract, ReportingYear year) {
    String key = PerformanceYearSteps.businessKey(contract.reference(), year.startYear());
    if (exists(contract, year)) {
      return new Started(key, null, false);
    }
    String id =
        cases
            .startAsSystem(PerformanceYearSteps.PROCESS_KEY, key, variables(contract, year))
            .getId();
    return new Started(key, id, true);
  }

  /** Starts the case as the officer who asked; the caller has checked it does not exist. */
  public Started startAs(
      Contract contract, ReportingYear year, String userId, List<String> groups) {
    String key = PerformanceYearSteps.businessKey(contract.reference(), year.startYear());
    String id =
        cases
            .start(
                PerformanceYearSteps.PROCESS_KEY,
                key,
                variables(contract, year),
                userId,
                groups,
                CaseStarts.StartCheck.NONE)
            .getId();
    return new Started(key, id, true);
  }

  private static Map<String, Object> variables(Contract contract, ReportingYear year) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(PerformanceYearSteps.CONTRACT_REFERENCE, contract.reference());
    variables.put(PerformanceYearSteps.REPORTING_YEAR, year.startYear());
    return variables;
  }

  /** Active, and not ended before the year starts. */
  static boolean runsIn(Contract contract, ReportingYear year) {
    return contract.status() == ContractStatus.ACTIVE
        && (contract.endDate() == null || !contract.endDate().isBefore(year.firstDay()));
  }

  private List<String> withCatalogues(ReportingYear year) {
    return jdbc.sql(
            "SELECT DISTINCT c.reference FROM contract_kpi_catalogue k JOIN contract c ON c.id = k.contract_id"
                + " WHERE k.reporting_year = :y ORDER BY c.reference")
        .param("y", year.startYear())
        .query(String.class)
        .list();
  }
}
