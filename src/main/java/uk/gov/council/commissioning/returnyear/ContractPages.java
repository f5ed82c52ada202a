package uk.gov.council.commissioning.returnyear;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The locked versions of each contract's page (table {@code performance_contract_page}, seed 001
 * Part 3.2 §2.1.3, §5). A version is never changed once written: an amendment is the next version.
 */
@Repository
@RequiredArgsConstructor
public class ContractPages {

  private static final String COLUMNS =
      """
      id, contract_id, reporting_year, version, service_name, primary_client_group, service_type,
      administering_authority, unit_numbers, planned_duration, out_of_hours_cover, contract_manager,
      provider_contact, front_line_hours, management_hours, other_staff_hours, effective_from,
      change_description, vfm_adverse, manager_guidance, locked_by, locked_at
      """;

  private final JdbcClient jdbc;

  /** The version in force: the latest of the year. */
  public Optional<ContractPage> current(long contractId, int reportingYear) {
    List<ContractPage> versions = history(contractId, reportingYear);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** The version that applies on a day: the latest whose effective date has come. */
  public Optional<ContractPage> on(long contractId, int reportingYear, LocalDate day) {
    return history(contractId, reportingYear).stream()
        .filter(p -> !p.effectiveFrom().isAfter(day))
        .reduce((first, second) -> second);
  }

  /** V1, V2, ... of the year in order. */
  public List<ContractPage> history(long contractId, int reportingYear) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM performance_contract_page WHERE contract_id = :c AND reporting_year = :y"
                + " ORDER BY version")
        .param("c", contractId)
        .param("y", reportingYear)
        .query(ContractPages::row)
        .list();
  }

  /** The latest version of the latest earlier year (what this year's page is pre-filled from). */
  public Optional<ContractPage> latestBefore(long contractId, int reportingYear) {
    return jdbc
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM performance_contract_page WHERE contract_id = :c AND reporting_year < :y"
                + " ORDER BY reporting_year DESC, version DESC")
        .param("c", contractId)
        .param("y", reportingYear)
        .query(ContractPages::row)
        .list()
        .stream()
        .findFirst();
  }

  /**
   * Locks the next version of the year's page with these values.
   *
   * @return the version written
   */
  @Transactional
  public ContractPage lockNext(PageValues values, Amendment amendment, String by, Instant at) {
    int version =
        jdbc.sql(
                    "SELECT COALESCE(MAX(version), 0) FROM performance_contract_page"
                        + " WHERE contract_id = :c AND reporting_year = :y")
                .param("c", values.contractId())
                .param("y", values.reportingYear())
                .query(Integer.class)
                .single()
            + 1;
    jdbc.sql(
            """
            INSERT INTO performance_contract_page (contract_id, reporting_year, version, service_name,
              primary_client_group, service_type, administering_authority, unit_numbers, planned_duration,
              out_of_hours_cover, contract_manager, provider_contact, front_line_hours, management_hours,
              other_staff_hours, effective_from, change_description, vfm_adverse, manager_guidance,
              locked_by, locked_at)
            VALUES (:c, :y, :v, :serviceName, :clientGroup, :serviceType, :authority, :units, :duration,
              :ooh, :manager, :contact, :frontLine, :management, :other, :from, :change, :vfm, :guidance,
              :by, :at)
            """)
        .param("c", values.contractId())
        .param("y", values.reportingYear())
        .param("v", version)
        .param("serviceName", values.serviceName())
        .param("clientGroup", values.primaryClientGroup())
        .param("serviceType", values.serviceType())
        .param("authority", values.administeringAuthority())
        .param("units", values.unitNumbers())
        .param("duration", values.plannedDuration())
        .param("ooh", values.outOfHoursCover())
        .param("manager", values.contractManager())
        .param("contact", values.providerContact())
        .param("frontLine", values.frontLineHours())
        .param("management", values.managementHours())
        .param("other", values.otherStaffHours())
        .param("from", amendment.effectiveFrom())
        .param("change", amendment.changeDescription())
        .param("vfm", amendment.vfmAdverse())
        .param("guidance", amendment.managerGuidance())
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
    return current(values.contractId(), values.reportingYear()).orElseThrow();
  }

  /** Whether the case has locked its first version already (a retried step writes nothing). */
  public boolean hasVersion(long contractId, int reportingYear, int version) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM performance_contract_page"
                    + " WHERE contract_id = :c AND reporting_year = :y AND version = :v")
            .param("c", contractId)
            .param("y", reportingYear)
            .param("v", version)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The page's fields, as the officer checked them. */
  public record PageValues(
      long contractId,
      int reportingYear,
      String serviceName,
      String primaryClientGroup,
      String serviceType,
      String administeringAuthority,
      int unitNumbers,
      String plannedDuration,
      boolean outOfHoursCover,
      String contractManager,
      String providerContact,
      BigDecimal frontLineHours,
      BigDecimal managementHours,
      BigDecimal otherStaffHours) {}

  /** What a version after the first records about its change (§5); V1 has only its start day. */
  public record Amendment(
      LocalDate effectiveFrom,
      String changeDescription,
      Boolean vfmAdverse,
      String managerGuidance) {

    public static Amendment first(LocalDate from) {
      return new Amendment(from, null, null, null);
    }
  }

  private static ContractPage row(ResultSet rs, int n) throws SQLException {
    Object vfm = rs.getObject("vfm_adverse");
    return new ContractPage(
        rs.getLong("id"),
        rs.getLong("contract_id"),
        rs.getInt("reporting_year"),
        rs.getInt("version"),
        rs.getString("service_name"),
        rs.getString("primary_client_group"),
        rs.getString("service_type"),
        rs.getString("administering_authority"),
        rs.getInt("unit_numbers"),
        rs.getString("planned_duration"),
        rs.getBoolean("out_of_hours_cover"),
        rs.getString("contract_manager"),
        rs.getString("provider_contact"),
        rs.getBigDecimal("front_line_hours"),
        rs.getBigDecimal("management_hours"),
        rs.getBigDecimal("other_staff_hours"),
        rs.getObject("effective_from", LocalDate.class),
        rs.getString("change_description"),
        vfm == null ? null : rs.getBoolean("vfm_adverse"),
        rs.getString("manager_guidance"),
        rs.getString("locked_by"),
        rs.getTimestamp("locked_at").toInstant());
  }
}
