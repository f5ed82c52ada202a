package uk.gov.council.commissioning.kpis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.cases.InsertOnce;
import uk.gov.council.commissioning.kpis.CatalogueRules.Checked;

/**
 * The catalogues' versions, their KPIs and the contracts' assignments (V27). A version once written
 * is never changed: a return records the version it was checked against by its row id.
 */
@Repository
@RequiredArgsConstructor
class KpiCatalogueRegister implements KpiCatalogues {

  /** One version in a list: without its KPIs, with how many it has. */
  record Summary(
      long id,
      String code,
      String title,
      ReportingYear year,
      int version,
      String seedSection,
      int count,
      String createdBy,
      Instant createdAt) {}

  private static final String SUMMARY_SELECT =
      """
      SELECT c.id, c.code, c.title, c.reporting_year, c.version, c.seed_section, c.created_by,
             c.created_at, (SELECT COUNT(*) FROM kpi k WHERE k.catalogue_id = c.id) AS kpi_count
        FROM kpi_catalogue c
      """;

  private static final String LATEST =
      """
       c.version = (SELECT MAX(l.version) FROM kpi_catalogue l
                     WHERE l.code = c.code AND l.reporting_year = c.reporting_year)
      """;

  private final JdbcClient jdbc;
  private final InsertOnce insertOnce;

  @Override
  @Transactional(readOnly = true)
  public Optional<KpiCatalogue> current(String code, ReportingYear year) {
    int latest = latestVersion(code, year);
    return latest == 0 ? Optional.empty() : version(code, year, latest);
  }

  @Transactional(readOnly = true)
  public Optional<KpiCatalogue> version(String code, ReportingYear year, int version) {
    return jdbc.sql(
            "SELECT id FROM kpi_catalogue WHERE code = :code AND reporting_year = :year"
                + " AND version = :version")
        .param("code", code)
        .param("year", year.startYear())
        .param("version", version)
        .query(Long.class)
        .optional()
        .flatMap(this::byId);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<KpiCatalogue> byId(long id) {
    return jdbc.sql(
            "SELECT id, code, title, reporting_year, version, seed_section FROM kpi_catalogue"
                + " WHERE id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new KpiCatalogue(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("title"),
                    new ReportingYear(rs.getInt("reporting_year")),
                    rs.getInt("version"),
                    rs.getString("seed_section"),
                    kpisOf(rs.getLong("id"))))
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<KpiCatalogue> forContract(String contractReference, ReportingYear year) {
    return jdbc
        .sql(
            """
            SELECT a.catalogue_code FROM contract_kpi_catalogue a
              JOIN contract c ON c.id = a.contract_id
             WHERE c.reference = :ref AND a.reporting_year = :year
             ORDER BY a.catalogue_code
            """)
        .param("ref", contractReference)
        .param("year", year.startYear())
        .query(String.class)
        .list()
        .stream()
        .flatMap(code -> current(code, year).stream())
        .toList();
  }

  /** The latest version of each catalogue, of a year or of every year, newest year first. */
  List<Summary> latest(ReportingYear year) {
    return jdbc.sql(
            SUMMARY_SELECT
                + " WHERE"
                + LATEST
                + (year == null ? "" : " AND c.reporting_year = :year")
                + " ORDER BY c.reporting_year DESC, c.code")
        .params(year == null ? Map.of() : Map.of("year", year.startYear()))
        .query(this::summary)
        .list();
  }

  /**
   * The latest version of each catalogue assigned, in its year, to a contract of the organisations.
   */
  List<Summary> latestAssignedTo(Collection<String> organisationGroups, ReportingYear year) {
    if (organisationGroups.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            SUMMARY_SELECT
                + " WHERE"
                + LATEST
                + (year == null ? "" : " AND c.reporting_year = :year")
                + """
                   AND EXISTS (SELECT 1 FROM contract_kpi_catalogue a
                                 JOIN contract k ON k.id = a.contract_id
                                 JOIN provider p ON p.id = k.provider_id
                                WHERE a.catalogue_code = c.code
                                  AND a.reporting_year = c.reporting_year
                                  AND p.organisation_group IN (:groups))
                 ORDER BY c.reporting_year DESC, c.code
                """)
        .params(
            year == null
                ? Map.of("groups", organisationGroups)
                : Map.of("groups", organisationGroups, "year", year.startYear()))
        .query(this::summary)
        .list();
  }

  /** Every version of a catalogue for a year, oldest first. */
  List<Summary> versions(String code, ReportingYear year) {
    return jdbc.sql(
            SUMMARY_SELECT
                + " WHERE c.code = :code AND c.reporting_year = :year ORDER BY c.version")
        .param("code", code)
        .param("year", year.startYear())
        .query(this::summary)
        .list();
  }

  /** Whether a contract of one of the organisations reports against the catalogue in the year. */
  boolean assignedToOrganisations(
      String code, ReportingYear year, Collection<String> organisationGroups) {
    if (organisationGroups.isEmpty()) {
      return false;
    }
    return jdbc.sql(
                """
            SELECT COUNT(*) FROM contract_kpi_catalogue a
              JOIN contract k ON k.id = a.contract_id
              JOIN provider p ON p.id = k.provider_id
             WHERE a.catalogue_code = :code AND a.reporting_year = :year
               AND p.organisation_group IN (:groups)
            """)
            .param("code", code)
            .param("year", year.startYear())
            .param("groups", organisationGroups)
            .query(Long.class)
            .single()
        > 0;
  }

  int latestVersion(String code, ReportingYear year) {
    return jdbc.sql(
            "SELECT COALESCE(MAX(version), 0) FROM kpi_catalogue WHERE code = :code"
                + " AND reporting_year = :year")
        .param("code", code)
        .param("year", year.startYear())
        .query(Integer.class)
        .single();
  }

  /**
   * Writes a version with its KPIs; a version number taken meanwhile by another writer fails on the
   * table's unique key (DuplicateKeyException).
   */
  long insert(Checked catalogue, int version, String by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO kpi_catalogue (code, title, reporting_year, version, seed_section,
                                       created_by, created_at)
            VALUES (:code, :title, :year, :version, :seed, :by, :at)
            """)
        .params(row(catalogue, version, by, at))
        .update();
    return writeKpis(catalogue, version);
  }

  /**
   * Writes version 1 unless the catalogue has a version for the year already, also when another
   * node writes it at the same moment.
   *
   * @return whether this call wrote it
   */
  boolean insertFirstOnce(Checked catalogue, String by, Instant at) {
    int written =
        insertOnce.insert(
            """
            INSERT INTO kpi_catalogue (code, title, reporting_year, version, seed_section,
                                       created_by, created_at)
            SELECT :code, :title, :year, :version, :seed, :by, :at
             WHERE NOT EXISTS (SELECT 1 FROM kpi_catalogue
                                WHERE code = :code AND reporting_year = :year)
            """,
            row(catalogue, 1, by, at));
    if (written == 0) {
      return false;
    }
    writeKpis(catalogue, 1);
    return true;
  }

  private long writeKpis(Checked catalogue, int version) {
    long id =
        jdbc.sql(
                "SELECT id FROM kpi_catalogue WHERE code = :code AND reporting_year = :year"
                    + " AND version = :version")
            .param("code", catalogue.code())
            .param("year", catalogue.year().startYear())
            .param("version", version)
            .query(Long.class)
            .single();
    int position = 0;
    for (Kpi kpi : catalogue.kpis()) {
      jdbc.sql(
              """
              INSERT INTO kpi (catalogue_id, code, sort_order, area, wording, unit, threshold,
                               target, frequency, consequence, reported_by, measure, seed_section)
              VALUES (:id, :code, :position, :area, :wording, :unit, :threshold, :target,
                      :frequency, :consequence, :reportedBy, :measure, :seed)
              """)
          .param("id", id)
          .param("code", kpi.code())
          .param("position", position++)
          .param("area", kpi.area())
          .param("wording", kpi.wording())
          .param("unit", kpi.unit().name())
          .param("threshold", kpi.threshold() == null ? null : kpi.threshold().text())
          .param("target", kpi.target())
          .param("frequency", kpi.frequency().name())
          .param("consequence", kpi.consequence())
          .param("reportedBy", kpi.reportedBy().name())
          .param("measure", kpi.measure())
          .param("seed", kpi.seedSection())
          .update();
    }
    return id;
  }

  /** The catalogue codes a contract reports against in a year. */
  List<String> assigned(long contractId, ReportingYear year) {
    return jdbc.sql(
            "SELECT catalogue_code FROM contract_kpi_catalogue WHERE contract_id = :c"
                + " AND reporting_year = :year ORDER BY catalogue_code")
        .param("c", contractId)
        .param("year", year.startYear())
        .query(String.class)
        .list();
  }

  void replaceAssignment(long contractId, ReportingYear year, Collection<String> codes) {
    jdbc.sql("DELETE FROM contract_kpi_catalogue WHERE contract_id = :c AND reporting_year = :year")
        .param("c", contractId)
        .param("year", year.startYear())
        .update();
    for (String code : codes) {
      assignOnce(contractId, year, code);
    }
  }

  /** Adds one catalogue to a contract's year unless it is there already. */
  boolean assignOnce(long contractId, ReportingYear year, String code) {
    return insertOnce.insert(
            """
            INSERT INTO contract_kpi_catalogue (contract_id, reporting_year, catalogue_code)
            SELECT :c, :year, :code
             WHERE NOT EXISTS (SELECT 1 FROM contract_kpi_catalogue
                                WHERE contract_id = :c AND reporting_year = :year
                                  AND catalogue_code = :code)
            """,
            Map.of("c", contractId, "year", year.startYear(), "code", code))
        > 0;
  }

  private static Map<String, Object> row(Checked catalogue, int version, String by, Instant at) {
    Map<String, Object> row = new java.util.HashMap<>();
    row.put("code", catalogue.code());
    row.put("title", catalogue.title());
    row.put("year", catalogue.year().startYear());
    row.put("version", version);
    row.put("seed", catalogue.seedSection());
    row.put("by", by);
    row.put("at", at.atOffset(ZoneOffset.UTC));
    return row;
  }

  private List<Kpi> kpisOf(long catalogueId) {
    return jdbc.sql(
            """
            SELECT code, area, wording, unit, threshold, target, frequency, consequence,
                   reported_by, measure, seed_section
              FROM kpi WHERE catalogue_id = :id ORDER BY sort_order
            """)
        .param("id", catalogueId)
        .query(
            (rs, n) ->
                new Kpi(
                    rs.getString("code"),
                    rs.getString("area"),
                    rs.getString("wording"),
                    KpiUnit.valueOf(rs.getString("unit")),
                    rs.getString("threshold") == null
                        ? null
                        : Threshold.parse(rs.getString("threshold")).orElseThrow(),
                    rs.getString("target"),
                    Kpi.Frequency.valueOf(rs.getString("frequency")),
                    rs.getString("consequence"),
                    Kpi.ReportedBy.valueOf(rs.getString("reported_by")),
                    rs.getString("measure"),
                    rs.getString("seed_section")))
        .list();
  }

  private Summary summary(ResultSet rs, int n) throws SQLException {
    return new Summary(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("title"),
        new ReportingYear(rs.getInt("reporting_year")),
        rs.getInt("version"),
        rs.getString("seed_section"),
        rs.getInt("kpi_count"),
        rs.getString("created_by"),
        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
  }
}
