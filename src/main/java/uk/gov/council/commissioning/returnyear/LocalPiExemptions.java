package uk.gov.council.commissioning.returnyear;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.kpis.ReportingYear;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * Local PIs (seed 001 Part 3.2 §6.1.1): "must be completed by all services unless exemption has
 * been agreed with the Contracts Manager. Where a provider has more than one contracted service
 * with the same client group agreement can be sought that only one of the Local PI returns will be
 * completed". Both agreements are a row of {@code performance_local_pi_exemption} for the contract
 * and year; the returns' checks ask {@link #exempt}.
 */
@Service
@RequiredArgsConstructor
public class LocalPiExemptions {

  private final JdbcClient jdbc;
  private final ContractService contracts;
  private final ContractPages pages;
  private final Clock clock;

  /**
   * An agreement for a contract and year.
   *
   * @param coveredByReference the contract whose return covers this one's local PIs; null for an
   *     exemption
   */
  public record Exemption(
      String contractReference,
      String contractTitle,
      String providerName,
      String providerGroup,
      int reportingYear,
      String coveredByReference,
      String reason,
      String grantedBy,
      Instant grantedAt) {

    public String year() {
      return new ReportingYear(reportingYear).label();
    }
  }

  /**
   * Whether the contract's return for the year need not carry its own local PIs: exempted, or
   * covered by another contract's return.
   */
  public boolean exempt(long contractId, int reportingYear) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM performance_local_pi_exemption"
                    + " WHERE contract_id = :c AND reporting_year = :y")
            .param("c", contractId)
            .param("y", reportingYear)
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * Records the agreement, replacing one made before for the same contract and year.
   *
   * @param coveredByReference null for an exemption; otherwise another contract of the same
   *     provider whose contract page has the same primary client group for the year
   * @throws InvalidRequestException naming the field at fault; nothing is written then
   */
  @Transactional
  public Exemption grant(
      String contractReference,
      int reportingYear,
      String coveredByReference,
      String reason,
      String by) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<Contract> contract = contracts.findByReference(contractReference);
    if (contract.isEmpty()) {
      problems.add(new FieldProblem("contract", "no contract " + contractReference));
    }
    if (reason == null || reason.isBlank()) {
      problems.add(new FieldProblem("reason", "is required"));
    } else if (reason.length() > 2000) {
      problems.add(new FieldProblem("reason", "must be at most 2000 characters"));
    }
    Contract cover = null;
    if (coveredByReference != null && contract.isPresent()) {
      cover = coverProblems(contract.get(), reportingYear, coveredByReference, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Contract c = contract.orElseThrow();
    jdbc.sql(
            "DELETE FROM performance_local_pi_exemption WHERE contract_id = :c AND reporting_year = :y")
        .param("c", c.id())
        .param("y", reportingYear)
        .update();
    jdbc.sql(
            """
            INSERT INTO performance_local_pi_exemption
              (contract_id, reporting_year, covered_by_contract_id, reason, granted_by, granted_at)
            VALUES (:c, :y, :cover, :reason, :by, :at)
            """)
        .param("c", c.id())
        .param("y", reportingYear)
        .param("cover", cover == null ? null : cover.id())
        .param("reason", reason.strip())
        .param("by", by)
        .param("at", Timestamp.from(clock.instant()))
        .update();
    return forYear(reportingYear).stream()
        .filter(e -> e.contractReference().equals(c.reference()))
        .findFirst()
        .orElseThrow();
  }

  /** §6.1.1: only another service of the same provider with the same client group may cover it. */
  private Contract coverProblems(
      Contract contract,
      int reportingYear,
      String coveredByReference,
      List<FieldProblem> problems) {
    Optional<Contract> found = contracts.findByReference(coveredByReference);
    if (found.isEmpty()) {
      problems.add(new FieldProblem("coveredBy", "no contract " + coveredByReference));
      return null;
    }
    Contract cover = found.get();
    if (cover.id() == contract.id()) {
      problems.add(new FieldProblem("coveredBy", "a contract cannot cover its own local PIs"));
      return null;
    }
    if (cover.provider().id() != contract.provider().id()) {
      problems.add(
          new FieldProblem(
              "coveredBy",
              "must be a contract of the same provider (" + contract.provider().name() + ")"));
      return null;
    }
    String own =
        pages
            .current(contract.id(), reportingYear)
            .map(ContractPage::primaryClientGroup)
            .orElse(null);
    String theirs =
        pages.current(cover.id(), reportingYear).map(ContractPage::primaryClientGroup).orElse(null);
    if (own == null || theirs == null) {
      problems.add(
          new FieldProblem(
              "coveredBy",
              "both contracts need a locked contract page for the year to compare client groups"));
      return null;
    }
    if (!Objects.equals(own.strip().toLowerCase(), theirs.strip().toLowerCase())) {
      problems.add(
          new FieldProblem(
              "coveredBy",
              "must have the same primary client group ("
                  + own
                  + "); "
                  + cover.reference()
                  + " is "
                  + theirs));
      return null;
    }
    return cover;
  }

  /** The year's agreements, by contract reference. */
  public List<Exemption> forYear(int reportingYear) {
    return jdbc.sql(
            """
            SELECT c.reference, c.title, p.name, p.organisation_group, e.reporting_year,
                   cover.reference AS cover_reference, e.reason, e.granted_by, e.granted_at
              FROM performance_local_pi_exemption e
              JOIN contract c ON c.id = e.contract_id
              JOIN provider p ON p.id = c.provider_id
              LEFT JOIN contract cover ON cover.id = e.covered_by_contract_id
             WHERE e.reporting_year = :y
             ORDER BY c.reference
            """)
        .param("y", reportingYear)
        .query(
            (rs, n) ->
                new Exemption(
                    rs.getString("reference"),
                    rs.getString("title"),
                    rs.getString("name"),
                    rs.getString("organisation_group"),
                    rs.getInt("reporting_year"),
                    rs.getString("cover_reference"),
                    rs.getString("reason"),
                    rs.getString("granted_by"),
                    rs.getObject("granted_at", OffsetDateTime.class).toInstant()))
        .list();
  }
}
