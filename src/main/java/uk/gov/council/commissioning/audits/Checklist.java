package uk.gov.council.commissioning.audits;

import static uk.gov.council.commissioning.cases.RegisterColumns.longOrNull;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The Appendix 3 checklist as data (seed 001 Part 3.1 §3.2): the standard sections and clauses
 * every audit uses, seeded by the V23 migration, and the clauses the purchasing officers add for
 * one provider ("If the Purchasing Officers have any specific areas of concern for a particular
 * Service Provider this can be added to the checklist").
 */
@Component
@RequiredArgsConstructor
class Checklist {

  /** A section of the checklist. */
  record Section(long id, String code, int position, String title) {}

  /**
   * A clause ("Information Reviewed").
   *
   * @param providerId null for the standard checklist; the provider it was added for otherwise
   */
  record Clause(
      long id,
      String sectionCode,
      String sectionTitle,
      int sectionPosition,
      int position,
      String text,
      Long providerId) {}

  private static final String CLAUSES =
      """
      SELECT c.id, s.code, s.title, s.position AS section_position, c.position, c.text, c.provider_id
        FROM audit_checklist_clause c JOIN audit_checklist_section s ON s.id = c.section_id
      """;
  private static final String ORDER =
      " ORDER BY s.position, CASE WHEN c.provider_id IS NULL THEN 0 ELSE 1 END, c.position, c.id";

  private final JdbcClient jdbc;
  private final Clock clock;

  List<Section> sections() {
    return jdbc.sql(
            "SELECT id, code, position, title FROM audit_checklist_section ORDER BY position")
        .query(
            (rs, row) ->
                new Section(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getInt("position"),
                    rs.getString("title")))
        .list();
  }

  Optional<Section> section(String code) {
    return sections().stream().filter(s -> s.code().equalsIgnoreCase(code.strip())).findFirst();
  }

  /** The standard clauses and the provider's own, section by section. */
  List<Clause> clausesFor(long providerId) {
    return jdbc.sql(CLAUSES + " WHERE c.provider_id IS NULL OR c.provider_id = :provider" + ORDER)
        .param("provider", providerId)
        .query(Checklist::clause)
        .list();
  }

  /** The standard clauses only. */
  List<Clause> standard() {
    return jdbc.sql(CLAUSES + " WHERE c.provider_id IS NULL" + ORDER)
        .query(Checklist::clause)
        .list();
  }

  /** Adds a clause for one provider at the end of the section. */
  Clause add(long providerId, Section section, String text, String by) {
    int position =
        jdbc.sql(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM audit_checklist_clause"
                    + " WHERE section_id = :section")
            .param("section", section.id())
            .query(Integer.class)
            .single();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO audit_checklist_clause (section_id, position, text, provider_id, added_by, added_at)
            VALUES (:section, :position, :text, :provider, :by, :at)
            """)
        .param("section", section.id())
        .param("position", position)
        .param("text", text)
        .param("provider", providerId)
        .param("by", by)
        .param("at", utc(clock.instant()))
        .update(key, "id");
    long id = key.getKey().longValue();
    return new Clause(
        id, section.code(), section.title(), section.position(), position, text, providerId);
  }

  private static Clause clause(ResultSet rs, int row) throws SQLException {
    return new Clause(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("title"),
        rs.getInt("section_position"),
        rs.getInt("position"),
        rs.getString("text"),
        longOrNull(rs, "provider_id"));
  }
}
