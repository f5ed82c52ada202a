package uk.gov.council.commissioning.meetings;

import java.time.YearMonth;
import java.util.List;

/**
 * A month's contract management meetings planned against held (seed 001 Part 3.1 §2), as one user
 * may see them: council staff every provider, a provider's user its own organisations only.
 *
 * @param total the figures of every provider shown
 * @param providers each provider's figures, by name
 * @param meetings the meetings dated in the month
 */
public record MonthFigures(
    YearMonth month,
    ComplianceToSchedule total,
    List<ProviderFigures> providers,
    List<Meeting> meetings) {

  /** One provider's figures for the month. */
  public record ProviderFigures(
      long providerId, String providerName, ComplianceToSchedule figures) {}
}
