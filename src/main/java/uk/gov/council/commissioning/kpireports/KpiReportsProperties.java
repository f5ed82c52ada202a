package uk.gov.council.commissioning.kpireports;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How far a provider's reported value may stand from the one the system measured before the reports
 * flag it, {@code commissioning.kpi-reports}.
 *
 * @param tolerancePercentagePoints for a percentage KPI (App C 4.2, 4.3, 5.2; seed 000 §4.7): the
 *     difference allowed, in percentage points; a larger one is flagged
 * @param toleranceCount for a count KPI (App C 4.1, 5.1, 6.1): the difference allowed; the default
 *     0 flags any difference, as both sides count the same cases
 */
@Validated
@ConfigurationProperties("commissioning.kpi-reports")
public record KpiReportsProperties(
    @NotNull(message = "commissioning.kpi-reports.tolerance-percentage-points is required")
        @PositiveOrZero(
            message = "commissioning.kpi-reports.tolerance-percentage-points must not be negative")
        @DefaultValue("5")
        BigDecimal tolerancePercentagePoints,
    @PositiveOrZero(message = "commissioning.kpi-reports.tolerance-count must not be negative")
        @DefaultValue("0")
        int toleranceCount) {}
