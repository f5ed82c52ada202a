package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.qaf.QafModerationQuota.YearQuota;
import uk.gov.council.commissioning.qaf.QafReports.OpenPlan;
import uk.gov.council.commissioning.qaf.QafReports.OverdueQafs;
import uk.gov.council.commissioning.qaf.QafReports.ProviderGrades;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * QAF reports (seed 001 3.3 §3.2 and §4). Council staff see every provider; a provider's users see
 * their own organisation's grades and improvement plans, and another provider is answered as
 * unknown so that its existence is not revealed, as for contracts and compliance figures. Overdue
 * QAFs and moderation are for staff only.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/qaf")
@RequiredArgsConstructor
class QafReportController {

  static final int EARLIEST_YEAR = 2000;
  static final int LATEST_YEAR = 2100;

  private final QafReports reports;
  private final QafModerationQuota quota;
  private final ContractService contracts;

  private final Clock clock;

  /**
   * Open to every signed-in user (the class's rule): a provider's user gets only its own
   * organisations' grades ({@code ProviderScope}); another's answers 404.
   */
  @GetMapping("/providers/{providerId}/grades")
  public ProviderGrades grades(@PathVariable String providerId, Authentication auth) {
    long id = parseId(providerId);
    Provider provider =
        contracts
            .findProviderById(id)
            .filter(p -> ProviderScope.sees(auth, p.organisationGroup()))
            .orElseThrow(
                () ->
                    new ResponseStatusException(HttpStatus.NOT_FOUND, "No provider with id " + id));
    return reports.providerGrades(provider.id(), provider.name(), CouncilUser.isProvider(auth));
  }

  /**
   * Open to every signed-in user (the class's rule): a provider's user gets only its own
   * organisations' plans ({@code ProviderScope}).
   */
  @GetMapping("/improvement-plans/open")
  public List<OpenPlan> openPlans(Authentication auth) {
    return ProviderScope.visible(auth, reports::openPlans, () -> reports.openPlans(null));
  }

  @GetMapping("/overdue")
  @PreAuthorize("@access.councilStaff(authentication)")
  public OverdueQafs overdue() {
    return reports.overdue();
  }

  /**
   * @param year the financial year by its first calendar year (2026 = 2026/27); the current one if
   *     left out
   */
  @GetMapping("/moderation")
  @PreAuthorize("@access.councilStaff(authentication)")
  public YearQuota moderation(@RequestParam(required = false) String year) {
    int financialYear =
        year == null ? QafModerationQuota.financialYearOf(clock.instant()) : parseYear(year);
    return quota.forYear(financialYear);
  }

  private static long parseId(String text) {
    try {
      long id = Long.parseLong(text.trim());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException("providerId", "must be a positive whole number");
  }

  private static int parseYear(String text) {
    try {
      int year = Integer.parseInt(text.trim());
      if (year >= EARLIEST_YEAR && year <= LATEST_YEAR) {
        return year;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException(
        "year",
        "must be a financial year by its first calendar year, between "
            + EARLIEST_YEAR
            + " and "
            + LATEST_YEAR
            + " (2026 = 2026/27)");
  }
}
