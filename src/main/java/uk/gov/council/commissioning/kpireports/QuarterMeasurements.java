package uk.gov.council.commissioning.kpireports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.kpis.SystemMeasure;

/**
 * Every provider's measured values for one reporting quarter, as of one moment.
 *
 * @param asAt the moment open deadlines were judged against
 */
public record QuarterMeasurements(
    ReportingQuarter quarter, Instant asAt, Map<Long, Map<SystemMeasure, BigDecimal>> byProvider) {

  /**
   * The provider's values. A measure with no case at all is absent; a count with none is 0 only
   * where the compliance figures list the provider.
   */
  public Map<SystemMeasure, BigDecimal> of(long providerId) {
    Map<SystemMeasure, BigDecimal> values = byProvider.get(providerId);
    return values == null
        ? Collections.unmodifiableMap(new EnumMap<>(SystemMeasure.class))
        : Collections.unmodifiableMap(values);
  }
}
