package uk.gov.council.commissioning.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One provider's compliance figures for one quarter (seed 002 App C sections 4-6).
 *
 * @param from the quarter's first day and {@code to} its last, UK dates
 * @param asAt the moment pending deadlines were judged against
 */
public record ProviderFigures(
    ProviderName provider,
    String quarter,
    LocalDate from,
    LocalDate to,
    Instant asAt,
    List<Measure> measures) {

  public record ProviderName(long id, String name) {}
}
