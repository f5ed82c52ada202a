package uk.gov.council.commissioning.returns;

import static uk.gov.council.commissioning.cases.RegisterColumns.date;
import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.longOrNull;
import static uk.gov.council.commissioning.cases.RegisterColumns.text;
import static uk.gov.council.commissioning.cases.RegisterColumns.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.council.commissioning.cases.InsertOnce;
import uk.gov.council.commissioning.cases.RegisterColumns;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/** The performance_return tables (V28, V29): one row a contract and quarter. */
@Repository
@RequiredArgsConstructor
class ReturnRegister {

  private static final String SELECT =
      "SELECT r.*, c.reference AS contract_reference, c.title AS contract_title,"
          + " p.name AS provider_name, p.organisation_group AS provider_group,"
          + " pg.unit_numbers AS page_unit_numbers"
          + " FROM performance_return r"
          + " JOIN contract c ON c.id = r.contract_id"
          + " JOIN provider p ON p.id = r.provider_id"
          + " LEFT JOIN performance_contract_page pg ON pg.id = r.contract_page_id";

  private static final String ORDER =
      " ORDER BY r.reporting_year DESC, r.quarter DESC, c.reference, r.id";

  private final JdbcClient jdbc;
  private final InsertOnce insertOnce;

  /** The row for a new case, unless the contract already has one for the quarter. */
  boolean insert(
      String caseReference,
      long contractId,
      long providerId,
      ReportingQuarter quarter,
      Long contractPageId,
      LocalDate dueDate,
      String processInstanceId) {
    Map<String, Object> params = new HashMap<>();
    params.put("ref", caseReference);
    params.put("contract", contractId);
    params.put("provider", providerId);
    params.put("year", quarter.year().startYear());
    params.put("quarter", quarter.number());
    params.put("page", RegisterColumns.bigint(contractPageId));
    params.put("due", RegisterColumns.date(dueDate));
    params.put("pi", processInstanceId);
    return insertOnce.insert(
            "INSERT INTO performance_return (case_reference, contract_id, provider_id,"
                + " reporting_year, quarter, contract_page_id, due_date, process_instance_id)"
                + " SELECT :ref, :contract, :provider, :year, :quarter, :page, :due, :pi"
                + " WHERE NOT EXISTS (SELECT 1 FROM performance_return WHERE case_reference = :ref"
                + " OR (contract_id = :contract AND reporting_year = :year AND quarter = :quarter))",
            params)
        > 0;
  }

  void takeOver(long id, String processInstanceId) {
    jdbc.sql("UPDATE performance_return SET process_instance_id = :pi WHERE id = :id")
        .param("pi", processInstanceId)
        .param("id", id)
        .update();
  }

  Optional<PerformanceReturn> find(String caseReference) {
    return jdbc.sql(SELECT + " WHERE r.case_reference = :ref")
        .param("ref", caseReference)
        .query(ReturnRegister::row)
        .optional();
  }

  Optional<PerformanceReturn> find(long contractId, ReportingQuarter quarter) {
    return jdbc.sql(
            SELECT + " WHERE r.contract_id = :c AND r.reporting_year = :y AND r.quarter = :q")
        .param("c", contractId)
        .param("y", quarter.year().startYear())
        .param("q", quarter.number())
        .query(ReturnRegister::row)
        .optional();
  }

  /** Whether the contract's return for the quarter was late; empty when it had none. */
  Optional<Boolean> lateOf(long contractId, ReportingQuarter quarter) {
    return jdbc.sql(
            "SELECT late FROM performance_return"
                + " WHERE contract_id = :c AND reporting_year = :y AND quarter = :q")
        .param("c", contractId)
        .param("y", quarter.year().startYear())
        .param("q", quarter.number())
        .query(Boolean.class)
        .optional();
  }

  /** The latest locked contract page of the contract for the year (§2.1.3), if any. */
  Optional<Long> contractPage(long contractId, int year) {
    return jdbc
        .sql(
            "SELECT id FROM performance_contract_page WHERE contract_id = :c AND reporting_year = :y"
                + " ORDER BY version DESC")
        .param("c", contractId)
        .param("y", year)
        .query(Long.class)
        .list()
        .stream()
        .findFirst();
  }

  /** §6.1.1: the contracts manager agreed the contract need not return its local PIs this year. */
  boolean localPisExempt(long contractId, int year) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM performance_local_pi_exemption"
                    + " WHERE contract_id = :c AND reporting_year = :y")
            .param("c", contractId)
            .param("y", year)
            .query(Long.class)
            .single()
        > 0;
  }

  PageOf<PerformanceReturn> page(
      String contractReference, Integer year, Collection<String> providerGroups, PageQuery query) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (contractReference != null) {
      where.append(" AND c.reference = :contract");
      params.put("contract", contractReference);
    }
    if (year != null) {
      where.append(" AND r.reporting_year = :year");
      params.put("year", year);
    }
    if (providerGroups != null) {
      if (providerGroups.isEmpty()) {
        return PageOf.empty(query);
      }
      where.append(" AND p.organisation_group IN (:groups)");
      params.put("groups", providerGroups);
    }
    List<PerformanceReturn> read =
        jdbc.sql(
                SELECT
                    + where
                    + ORDER
                    + " OFFSET "
                    + query.offset()
                    + " ROWS FETCH NEXT "
                    + (query.size() + 1)
                    + " ROWS ONLY")
            .params(params)
            .query(ReturnRegister::row)
            .list();
    Long total =
        query.withTotal()
            ? jdbc.sql(
                    "SELECT COUNT(*) FROM performance_return r JOIN contract c ON c.id = r.contract_id"
                        + " JOIN provider p ON p.id = r.provider_id"
                        + where)
                .params(params)
                .query(Long.class)
                .single()
            : null;
    return PageOf.fromOneMore(read, query, total);
  }

  List<PerformanceReturn.Value> values(long returnId) {
    return jdbc.sql(
            "SELECT v.*, k.code AS catalogue_code FROM performance_return_value v"
                + " JOIN kpi_catalogue k ON k.id = v.catalogue_id"
                + " WHERE v.return_id = :id ORDER BY k.code, v.kpi_code")
        .param("id", returnId)
        .query(
            (rs, n) ->
                new PerformanceReturn.Value(
                    rs.getLong("catalogue_id"),
                    rs.getString("catalogue_code"),
                    rs.getString("kpi_code"),
                    rs.getBigDecimal("reported_value"),
                    rs.getBoolean("below_trigger"),
                    rs.getString("explanation")))
        .list();
  }

  /** A stored value of the submission, with the catalogue version it was checked against. */
  record StoredValue(
      long catalogueId,
      String kpi,
      java.math.BigDecimal value,
      boolean belowTrigger,
      String explanation) {}

  /**
   * The provider's return replaces what it sent before (a return sent back incomplete comes again
   * whole); the first receipt keeps its time and lateness.
   */
  void recordSubmission(
      long id,
      Submission submission,
      List<StoredValue> values,
      String by,
      Instant at,
      boolean late) {
    jdbc.sql(
            "UPDATE performance_return SET status = 'RECEIVED', submitted_by = :by,"
                + " received_at = COALESCE(received_at, :at),"
                + " late = CASE WHEN received_at IS NULL THEN :late ELSE late END,"
                + " unit_numbers = :units, unit_numbers_explanation = :unitsWhy,"
                + " provider_comments = :comments, submission_digest = :digest,"
                + " missing_items = NULL WHERE id = :id")
        .param("by", by)
        .param("at", timestamp(at))
        .param("late", late)
        .param(
            "units",
            new org.springframework.jdbc.core.SqlParameterValue(
                java.sql.Types.INTEGER, submission.unitNumbers()))
        .param("unitsWhy", text(submission.unitNumbersExplanation()))
        .param("comments", text(submission.comments()))
        .param("digest", submission.digest())
        .param("id", id)
        .update();
    jdbc.sql("DELETE FROM performance_return_value WHERE return_id = :id").param("id", id).update();
    for (StoredValue v : values) {
      jdbc.sql(
              "INSERT INTO performance_return_value (return_id, catalogue_id, kpi_code,"
                  + " reported_value, below_trigger, explanation)"
                  + " VALUES (:id, :cat, :kpi, :value, :below, :why)")
          .param("id", id)
          .param("cat", v.catalogueId())
          .param("kpi", v.kpi())
          .param("value", v.value())
          .param("below", v.belowTrigger())
          .param("why", text(v.explanation()))
          .update();
    }
  }

  void recordExplanation(long id, long catalogueId, String kpi, String explanation) {
    jdbc.sql(
            "UPDATE performance_return_value SET explanation = :why"
                + " WHERE return_id = :id AND catalogue_id = :cat AND kpi_code = :kpi")
        .param("why", explanation)
        .param("id", id)
        .param("cat", catalogueId)
        .param("kpi", kpi)
        .update();
  }

  void status(long id, String status) {
    jdbc.sql("UPDATE performance_return SET status = :s WHERE id = :id")
        .param("s", status)
        .param("id", id)
        .update();
  }

  void recordCheck(long id, String checkedBy, String officeComments, String missingItems) {
    jdbc.sql(
            "UPDATE performance_return SET checked_by = :by, office_comments = :comments,"
                + " missing_items = :missing,"
                + " status = CASE WHEN :missing IS NULL THEN status ELSE 'INCOMPLETE' END"
                + " WHERE id = :id")
        .param("by", checkedBy)
        .param("comments", text(officeComments))
        .param("missing", text(missingItems))
        .param("id", id)
        .update();
  }

  void recordOutcome(long id, String outcome) {
    jdbc.sql(
            "UPDATE performance_return SET outcome = :o,"
                + " status = CASE WHEN :o = 'MONITOR' THEN status ELSE 'WITH_CONTRACTS_MANAGER' END"
                + " WHERE id = :id")
        .param("o", outcome)
        .param("id", id)
        .update();
  }

  void recordManagerDecision(long id, String action, String decision) {
    jdbc.sql(
            "UPDATE performance_return SET manager_action = :a, manager_decision = :d WHERE id = :id")
        .param("a", action)
        .param("d", decision)
        .param("id", id)
        .update();
  }

  void recordAccepted(long id, Instant at) {
    jdbc.sql("UPDATE performance_return SET status = 'ACCEPTED', accepted_at = :at WHERE id = :id")
        .param("at", timestamp(at))
        .param("id", id)
        .update();
  }

  /** The deadline passed with no return: late, with the run of late quarters it makes. */
  void recordLate(long id, Instant reminderAt, int lateInRow) {
    jdbc.sql(
            "UPDATE performance_return SET late = TRUE, reminder_sent_at = :at,"
                + " late_quarters_in_row = :n WHERE id = :id")
        .param("at", timestamp(reminderAt))
        .param("n", lateInRow)
        .param("id", id)
        .update();
  }

  void recordMitigation(long id, String mitigation) {
    jdbc.sql("UPDATE performance_return SET mitigation = :m WHERE id = :id")
        .param("m", text(mitigation))
        .param("id", id)
        .update();
  }

  long requestExtension(
      long returnId, String by, Instant at, String reason, LocalDate requestedDate) {
    jdbc.sql(
            "INSERT INTO performance_return_extension (return_id, requested_by, requested_at,"
                + " reason, requested_date) VALUES (:id, :by, :at, :reason, :date)")
        .param("id", returnId)
        .param("by", by)
        .param("at", timestamp(at))
        .param("reason", reason)
        .param("date", requestedDate)
        .update();
    return pendingExtension(returnId).orElseThrow().id();
  }

  Optional<PerformanceReturn.Extension> pendingExtension(long returnId) {
    return extensions(returnId).stream().filter(e -> "PENDING".equals(e.decision())).findFirst();
  }

  List<PerformanceReturn.Extension> extensions(long returnId) {
    return jdbc.sql("SELECT * FROM performance_return_extension WHERE return_id = :id ORDER BY id")
        .param("id", returnId)
        .query(
            (rs, n) ->
                new PerformanceReturn.Extension(
                    rs.getLong("id"),
                    rs.getString("requested_by"),
                    instant(rs, "requested_at"),
                    rs.getString("reason"),
                    date(rs, "requested_date"),
                    rs.getString("decision"),
                    rs.getString("decided_by"),
                    instant(rs, "decided_at"),
                    date(rs, "agreed_date")))
        .list();
  }

  /**
   * The officer's decision; an agreed date becomes the return's deadline and it is no longer late.
   */
  void decideExtension(
      long returnId,
      long extensionId,
      boolean agreed,
      LocalDate agreedDate,
      String by,
      Instant at) {
    jdbc.sql(
            "UPDATE performance_return_extension SET decision = :d, decided_by = :by,"
                + " decided_at = :at, agreed_date = :date WHERE id = :id AND decision = 'PENDING'")
        .param("d", agreed ? "AGREED" : "REFUSED")
        .param("by", by)
        .param("at", timestamp(at))
        .param("date", RegisterColumns.date(agreed ? agreedDate : null))
        .param("id", extensionId)
        .update();
    if (agreed) {
      jdbc.sql(
              "UPDATE performance_return SET extended_to = :date, late = FALSE,"
                  + " late_quarters_in_row = NULL WHERE id = :id AND received_at IS NULL")
          .param("date", agreedDate)
          .param("id", returnId)
          .update();
    }
  }

  void recordContinuedFailureAction(long id, String action) {
    jdbc.sql("UPDATE performance_return SET continued_failure_action = :a WHERE id = :id")
        .param("a", action)
        .param("id", id)
        .update();
  }

  private static PerformanceReturn row(ResultSet rs, int n) throws SQLException {
    Long lateInRow = longOrNull(rs, "late_quarters_in_row");
    Long units = longOrNull(rs, "unit_numbers");
    Long pageUnits = longOrNull(rs, "page_unit_numbers");
    return new PerformanceReturn(
        rs.getLong("id"),
        rs.getString("case_reference"),
        rs.getLong("contract_id"),
        rs.getString("contract_reference"),
        rs.getString("contract_title"),
        rs.getLong("provider_id"),
        rs.getString("provider_name"),
        rs.getString("provider_group"),
        rs.getInt("reporting_year"),
        rs.getInt("quarter"),
        longOrNull(rs, "contract_page_id"),
        pageUnits == null ? null : pageUnits.intValue(),
        date(rs, "due_date"),
        date(rs, "extended_to"),
        rs.getString("status"),
        instant(rs, "received_at"),
        rs.getString("submitted_by"),
        rs.getBoolean("late"),
        instant(rs, "reminder_sent_at"),
        units == null ? null : units.intValue(),
        rs.getString("unit_numbers_explanation"),
        rs.getString("provider_comments"),
        rs.getString("mitigation"),
        rs.getString("outcome"),
        rs.getString("manager_decision"),
        rs.getString("manager_action"),
        rs.getString("checked_by"),
        rs.getString("office_comments"),
        instant(rs, "accepted_at"),
        rs.getString("missing_items"),
        rs.getString("submission_digest"),
        lateInRow == null ? null : lateInRow.intValue(),
        rs.getString("process_instance_id"));
  }
}
