package uk.gov.council.commissioning.appraisals;

import static uk.gov.council.commissioning.cases.RegisterColumns.date;
import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.text;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.council.commissioning.cases.CaseRegisterQueries;
import uk.gov.council.commissioning.cases.CaseRegisterQueries.Numbering;
import uk.gov.council.commissioning.cases.RegisterColumns;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * Options appraisals as recorded (V35): the report, its options, its confidential annex (read only
 * through {@link #annex}), the resolution and who read the annex. The columns read for the public
 * view never include the annex.
 */
@Repository
@RequiredArgsConstructor
class AppraisalRegister {

  private static final String PUBLIC_COLUMNS =
      """
      id, reference, process_instance_id, title, service_area, report_of, decision_maker_named,
      public_summary, annex_roles, decision_value, contract_term_months, contract_reference,
      key_decision_by_officer, key_decision_reason, two_or_more_wards, preferred_option,
      created_by, created_at, status, decision_route, decision_reference, decision_date,
      resolution, resolved_by, published_on, outcome, procurement_reference, extension_reference""";

  private final JdbcClient jdbc;

  /** An appraisal's public part: everything but the annex. */
  record Appraisal(
      long id,
      String reference,
      String processInstanceId,
      String title,
      String serviceArea,
      String reportOf,
      String decisionMakerNamed,
      String publicSummary,
      List<String> annexRoles,
      BigDecimal decisionValue,
      Integer contractTermMonths,
      String contractReference,
      boolean keyDecisionByOfficer,
      String keyDecisionReason,
      boolean twoOrMoreWards,
      int preferredOption,
      String createdBy,
      Instant createdAt,
      String status,
      String decisionRoute,
      String decisionReference,
      LocalDate decisionDate,
      String resolution,
      String resolvedBy,
      LocalDate publishedOn,
      String outcome,
      String procurementReference,
      String extensionReference) {}

  /** Inserts the report, its options and annex; names it OA-(year)-(four-digit id). */
  String insert(AppraisalRequest report, int preferredOption, String createdBy, int year) {
    Map<String, Object> params = new HashMap<>();
    params.put("title", text(report.title().trim()));
    params.put("area", text(report.serviceArea().trim()));
    params.put("reportOf", text(report.reportOf().trim()));
    params.put("maker", text(report.decisionMaker().trim()));
    params.put("summary", text(report.publicSummary().trim()));
    params.put("annex", text(report.confidentialAnnex().trim()));
    params.put("roles", text(String.join(",", report.annexRoles())));
    params.put("value", new SqlParameterValue(Types.NUMERIC, report.decisionValue()));
    params.put(
        "term",
        new SqlParameterValue(
            Types.INTEGER,
            report.contractTermMonths() == null ? null : report.contractTermMonths()));
    params.put("contract", text(blankToNull(report.contractReference())));
    params.put("keyByOfficer", Boolean.TRUE.equals(report.keyDecisionByOfficer()));
    params.put("keyReason", text(blankToNull(report.keyDecisionReason())));
    params.put("wards", Boolean.TRUE.equals(report.twoOrMoreWards()));
    params.put("preferred", preferredOption);
    params.put("by", text(createdBy));
    CaseRegisterQueries.NumberedRow row =
        CaseRegisterQueries.insertNumbered(
            jdbc,
            new Numbering("options_appraisal", "reference", "OA-" + year + "-", 4),
            """
            title, service_area, report_of, decision_maker_named, public_summary, annex_text,
            annex_roles, decision_value, contract_term_months, contract_reference,
            key_decision_by_officer, key_decision_reason, two_or_more_wards, preferred_option,
            created_by""",
            """
            :title, :area, :reportOf, :maker, :summary, :annex, :roles, :value, :term, :contract,
            :keyByOfficer, :keyReason, :wards, :preferred, :by""",
            params);
    for (AppraisalOption option : report.optionsNumbered()) {
      jdbc.sql(
              """
              INSERT INTO options_appraisal_option
                (appraisal_id, option_number, description, opportunities, risks, recommended,
                 reasons, effect)
              VALUES (:id, :n, :description, :opportunities, :risks, :recommended, :reasons, :effect)""")
          .param("id", row.id())
          .param("n", option.number())
          .param("description", option.description().trim())
          .param("opportunities", option.opportunities().trim())
          .param("risks", option.risks().trim())
          .param("recommended", option.recommended())
          .param("reasons", option.reasons().trim())
          .param("effect", option.effect().name())
          .update();
    }
    return row.number();
  }

  Optional<Appraisal> find(String reference) {
    return queries().one("reference = :ref", "ref", reference);
  }

  Appraisal require(String reference) {
    return find(reference)
        .orElseThrow(() -> new IllegalStateException("No options appraisal " + reference));
  }

  /** A page of every appraisal, the one written last first. */
  PageOf<Appraisal> page(PageQuery query) {
    return queries().page("id DESC", query);
  }

  List<AppraisalOption> options(long appraisalId) {
    return jdbc.sql(
            """
            SELECT option_number, description, opportunities, risks, recommended, reasons, effect
            FROM options_appraisal_option WHERE appraisal_id = :id ORDER BY option_number""")
        .param("id", appraisalId)
        .query(
            (rs, n) ->
                new AppraisalOption(
                    rs.getInt("option_number"),
                    rs.getString("description"),
                    rs.getString("opportunities"),
                    rs.getString("risks"),
                    rs.getBoolean("recommended"),
                    rs.getString("reasons"),
                    AppraisalOption.Effect.valueOf(rs.getString("effect"))))
        .list();
  }

  /** The confidential annex: callers check first that the reader is in a role the report names. */
  String annex(long appraisalId) {
    return jdbc.sql("SELECT annex_text FROM options_appraisal WHERE id = :id")
        .param("id", appraisalId)
        .query(String.class)
        .single();
  }

  void recordAnnexRead(long appraisalId, String userId, Instant at) {
    jdbc.sql(
            """
            INSERT INTO options_appraisal_annex_read (appraisal_id, user_id, read_at)
            VALUES (:id, :user, :at)""")
        .param("id", appraisalId)
        .param("user", userId)
        .param("at", RegisterColumns.timestamp(at))
        .update();
  }

  /** Who read the annex, oldest first. */
  List<String> annexReaders(long appraisalId) {
    return jdbc.sql(
            """
            SELECT user_id FROM options_appraisal_annex_read WHERE appraisal_id = :id
            ORDER BY id""")
        .param("id", appraisalId)
        .query(String.class)
        .list();
  }

  void opened(String reference, String processInstanceId) {
    jdbc.sql(
            """
            UPDATE options_appraisal SET process_instance_id = :pid
            WHERE reference = :ref""")
        .param("pid", processInstanceId)
        .param("ref", reference)
        .update();
  }

  void setStatus(String reference, String status) {
    jdbc.sql("UPDATE options_appraisal SET status = :status WHERE reference = :ref")
        .param("status", status)
        .param("ref", reference)
        .update();
  }

  void routed(String reference, String route) {
    jdbc.sql(
            """
            UPDATE options_appraisal SET decision_route = :route, status = 'FOR_DECISION'
            WHERE reference = :ref""")
        .param("route", route)
        .param("ref", reference)
        .update();
  }

  void decided(String reference, String status, String decisionReference, LocalDate decisionDate) {
    jdbc.sql(
            """
            UPDATE options_appraisal SET status = :status, decision_reference = :dref,
              decision_date = :ddate
            WHERE reference = :ref""")
        .param("status", status)
        .param("dref", text(decisionReference))
        .param("ddate", date(decisionDate))
        .param("ref", reference)
        .update();
  }

  void resolved(
      String reference,
      String resolution,
      String resolvedBy,
      LocalDate publishedOn,
      String outcome) {
    jdbc.sql(
            """
            UPDATE options_appraisal SET status = 'RESOLVED', resolution = :resolution,
              resolved_by = :by, published_on = :published, outcome = :outcome
            WHERE reference = :ref""")
        .param("resolution", resolution)
        .param("by", text(resolvedBy))
        .param("published", date(publishedOn))
        .param("outcome", outcome)
        .param("ref", reference)
        .update();
  }

  void implemented(String reference, String procurementReference, String extensionReference) {
    jdbc.sql(
            """
            UPDATE options_appraisal SET status = 'IMPLEMENTED',
              procurement_reference = :proc, extension_reference = :ext
            WHERE reference = :ref""")
        .param("proc", text(procurementReference))
        .param("ext", text(extensionReference))
        .param("ref", reference)
        .update();
  }

  private CaseRegisterQueries<Appraisal> queries() {
    return new CaseRegisterQueries<>(
        jdbc, "SELECT " + PUBLIC_COLUMNS + " FROM options_appraisal", AppraisalRegister::appraisal);
  }

  private static Appraisal appraisal(ResultSet rs, int n) throws SQLException {
    int term = rs.getInt("contract_term_months");
    Integer termMonths = rs.wasNull() ? null : term;
    return new Appraisal(
        rs.getLong("id"),
        rs.getString("reference"),
        rs.getString("process_instance_id"),
        rs.getString("title"),
        rs.getString("service_area"),
        rs.getString("report_of"),
        rs.getString("decision_maker_named"),
        rs.getString("public_summary"),
        Arrays.stream(rs.getString("annex_roles").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList(),
        rs.getBigDecimal("decision_value"),
        termMonths,
        rs.getString("contract_reference"),
        rs.getBoolean("key_decision_by_officer"),
        rs.getString("key_decision_reason"),
        rs.getBoolean("two_or_more_wards"),
        rs.getInt("preferred_option"),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        rs.getString("status"),
        rs.getString("decision_route"),
        rs.getString("decision_reference"),
        RegisterColumns.date(rs, "decision_date"),
        rs.getString("resolution"),
        rs.getString("resolved_by"),
        RegisterColumns.date(rs, "published_on"),
        rs.getString("outcome"),
        rs.getString("procurement_reference"),
        rs.getString("extension_reference"));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
