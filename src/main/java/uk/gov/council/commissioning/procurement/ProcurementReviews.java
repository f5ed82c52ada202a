package uk.gov.council.commissioning.procurement;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which services are being reviewed under the procurement timetable (seed 001 Part 3.3 §3.3 trigger
 * 4: "All services in that category will receive a QAF validation visit"): the procurements under
 * way that replace a contract or tender its service area.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ProcurementReviews {

  private final JdbcClient jdbc;

  /**
   * The references of procurements still under way (neither refused, withdrawn, abandoned nor live)
   * that replace {@code contractReference} or cover {@code serviceArea}, the service's category, in
   * reference order.
   */
  public List<String> underWay(String contractReference, String serviceArea) {
    return jdbc.sql(
            """
            SELECT reference FROM procurement
             WHERE status NOT IN ('NOT_APPROVED', 'WITHDRAWN', 'CONTRACT_LIVE', 'ABANDONED')
               AND (replaces_reference = :ref OR LOWER(service_area) = LOWER(:area))
             ORDER BY reference""")
        .param("ref", contractReference)
        .param("area", serviceArea == null ? "" : serviceArea.trim())
        .query(String.class)
        .list();
  }
}
