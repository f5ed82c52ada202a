package uk.gov.council.commissioning.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every provider's compliance figures for one quarter, for council staff. */
public record QuarterFigures(
    String quarter, LocalDate from, LocalDate to, Instant asAt, List<ProviderFigures> providers) {}
