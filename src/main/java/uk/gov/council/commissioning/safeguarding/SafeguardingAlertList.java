package uk.gov.council.commissioning.safeguarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.cases.CaseRegisterQueries;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * The safeguarding register as a list: which case each alert came from, the provider, when it was
 * known and when it reached the council, how far it has gone. Only what the register holds: what is
 * suspected, and of whom, stays in the alert's process for the safeguarding team.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SafeguardingAlertList {

  /** Newest concern first; the id breaks ties so that pages neither repeat nor skip an alert. */
  static final String NEWEST_FIRST = "a.aware_at DESC, a.id DESC";

  private static final String SELECT =
      """
      SELECT a.id, a.source_type, a.source_reference, a.raised_by, a.aware_at, a.alert_due_at,
             a.alerted_at, a.screened_at, a.lead_organisation, a.section42_enquiry, a.closed_at,
             p.name AS provider_name, p.organisation_group
      FROM safeguarding_alert a LEFT JOIN provider p ON p.id = a.provider_id""";

  private final JdbcClient jdbc;

  /** One line of the list. {@code late} only for an alert the provider raised (App C 5.2). */
  public record Entry(
      String sourceType,
      String sourceReference,
      String provider,
      String raisedBy,
      Instant awareAt,
      Instant alertDueAt,
      Instant alertedAt,
      boolean late,
      Instant screenedAt,
      String leadOrganisation,
      Boolean section42Enquiry,
      Instant closedAt,
      String status,
      String organisationGroup) {}

  /** A page of the alerts the user sees: council staff every alert, a provider's users its own. */
  public PageOf<Entry> page(Actor user, PageQuery query) {
    return ProviderScope.scoped(
        user,
        groups ->
            queries().pageOfProviders("a.provider_id IN (:providers)", groups, NEWEST_FIRST, query),
        () -> queries().page(NEWEST_FIRST, query));
  }

  /** The alert raised from a case, if the user may see it; another provider's is not found. */
  public Optional<Entry> find(Actor user, String sourceType, String sourceReference) {
    return ProviderScope.find(
        user,
        jdbc.sql(SELECT + " WHERE a.source_type = :type AND a.source_reference = :reference")
            .param("type", sourceType.trim().toUpperCase(Locale.ROOT))
            .param("reference", sourceReference.trim().toUpperCase(Locale.ROOT))
            .query(SafeguardingAlertList::entry)
            .optional(),
        Entry::organisationGroup);
  }

  private CaseRegisterQueries<Entry> queries() {
    return new CaseRegisterQueries<>(jdbc, SELECT, SafeguardingAlertList::entry);
  }

  private static Entry entry(ResultSet rs, int row) throws SQLException {
    Instant due = instant(rs, "alert_due_at");
    Instant alerted = instant(rs, "alerted_at");
    String raisedBy = rs.getString("raised_by");
    Instant closed = instant(rs, "closed_at");
    Instant screened = instant(rs, "screened_at");
    boolean section42Read = rs.getBoolean("section42_enquiry");
    Boolean section42 = rs.wasNull() ? null : section42Read;
    return new Entry(
        rs.getString("source_type"),
        rs.getString("source_reference"),
        rs.getString("provider_name"),
        raisedBy,
        instant(rs, "aware_at"),
        due,
        alerted,
        SafeguardingConcern.PROVIDER.equals(raisedBy) && due != null && alerted.isAfter(due),
        screened,
        rs.getString("lead_organisation"),
        section42,
        closed,
        closed != null ? "CLOSED" : screened != null ? "SCREENED" : "AWAITING_SCREENING",
        rs.getString("organisation_group"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
