package uk.gov.council.commissioning.compliance;

import static uk.gov.council.commissioning.cases.RegisterColumns.bigint;
import static uk.gov.council.commissioning.cases.RegisterColumns.instant;
import static uk.gov.council.commissioning.cases.RegisterColumns.longOrNull;
import static uk.gov.council.commissioning.cases.RegisterColumns.text;
import static uk.gov.council.commissioning.cases.RegisterColumns.truncate;
import static uk.gov.council.commissioning.cases.RegisterColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.cases.InsertOnce;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;

/**
 * The record of deadlines that cases did not meet. A breach is recorded once per case, requirement
 * and kind, so a retried job or a timer that fires again adds nothing.
 *
 * <p>A MISSED breach is recorded when a deadline's timer fires with nothing received. What arrived
 * may be entered later with an earlier time (a report phoned in before the deadline and entered
 * after it; an acknowledgement made on time and recorded late): the breach was then never true and
 * is {@linkplain #withdraw withdrawn}. Withdrawal deletes the row rather than marking it: the
 * compliance figures count from the register's recorded times, not from this table, and the case's
 * history keeps the escalation that the timer started, so nothing else needs the withdrawn breach.
 */
@Service
public class DeadlineBreaches {

  private static final Logger log = LoggerFactory.getLogger(DeadlineBreaches.class);

  private static final String INSERT_UNLESS_PRESENT =
      """
      INSERT INTO deadline_breach
        (case_type, case_reference, provider_id, requirement, kind, due_at, recorded_at, detail)
      SELECT :caseType, :caseReference, :providerId, :requirement, :kind, :dueAt, :recordedAt, :detail
      WHERE NOT EXISTS (SELECT 1 FROM deadline_breach
                         WHERE case_type = :caseType AND case_reference = :caseReference
                           AND requirement = :requirement AND kind = :kind)
      """;

  private static final String DUE_IN =
      "SELECT * FROM deadline_breach WHERE due_at >= :from AND due_at < :to";
  private static final String NEWEST_FIRST =
      "due_at DESC, recorded_at DESC, case_reference, requirement, kind";

  private final JdbcClient jdbc;
  private final InsertOnce insertOnce;

  public DeadlineBreaches(JdbcClient jdbc, InsertOnce insertOnce) {
    this.jdbc = jdbc;
    this.insertOnce = insertOnce;
  }

  /**
   * Records a breach in the caller's transaction.
   *
   * @return true if recorded now, false if the same breach was recorded before
   */
  public boolean record(
      String caseType,
      String caseReference,
      Long providerId,
      String requirement,
      Kind kind,
      Instant dueAt,
      Instant recordedAt,
      String detail) {
    Map<String, Object> params =
        breach(caseType, caseReference, providerId, requirement, kind, recordedAt, detail);
    params.put("dueAt", utc(dueAt));
    int inserted = insertOnce.insert(INSERT_UNLESS_PRESENT, params);
    if (inserted > 0) {
      log.info(
          "Deadline breach recorded: {} {} {} {} (due {})",
          caseType,
          caseReference,
          requirement,
          kind,
          dueAt);
    }
    return inserted > 0;
  }

  /** The parameters of a breach's insert, but its due time. */
  private static Map<String, Object> breach(
      String caseType,
      String caseReference,
      Long providerId,
      String requirement,
      Kind kind,
      Instant recordedAt,
      String detail) {
    Map<String, Object> params = new HashMap<>();
    params.put("caseType", caseType);
    params.put("caseReference", caseReference);
    params.put("providerId", bigint(providerId));
    params.put("requirement", requirement);
    params.put("kind", kind.name());
    params.put("recordedAt", utc(recordedAt));
    params.put("detail", text(truncate(detail, 1000)));
    return params;
  }

  /**
   * Withdraws a breach that proved untrue, in the caller's transaction; see the class comment.
   *
   * @return true if there was such a breach
   */
  public boolean withdraw(String caseType, String caseReference, String requirement, Kind kind) {
    int deleted =
        jdbc.sql(
                """
            DELETE FROM deadline_breach
             WHERE case_type = :caseType AND case_reference = :caseReference
               AND requirement = :requirement AND kind = :kind
            """)
            .param("caseType", caseType)
            .param("caseReference", caseReference)
            .param("requirement", requirement)
            .param("kind", kind.name())
            .update();
    if (deleted > 0) {
      log.info(
          "Deadline breach withdrawn: {} {} {} {}", caseType, caseReference, requirement, kind);
    }
    return deleted > 0;
  }

  /** The breaches of one case, oldest deadline first. */
  public List<DeadlineBreach> ofCase(String caseType, String caseReference) {
    return jdbc.sql(
            """
            SELECT * FROM deadline_breach WHERE case_type = :caseType AND case_reference = :caseReference
             ORDER BY due_at, requirement, kind
            """)
        .param("caseType", caseType)
        .param("caseReference", caseReference)
        .query(DeadlineBreaches::breach)
        .list();
  }

  /**
   * Every breach whose deadline fell in the quarter (UK days), the latest deadline first: every
   * provider's, and those of cases no provider answers for (complaints to the council).
   */
  public List<DeadlineBreach> dueIn(Quarter quarter) {
    return jdbc.sql(DUE_IN + " ORDER BY " + NEWEST_FIRST)
        .param("from", utc(quarter.start()))
        .param("to", utc(quarter.end()))
        .query(DeadlineBreaches::breach)
        .list();
  }

  /**
   * The breaches of these providers whose deadline fell in the quarter, the latest deadline first.
   * Breaches with no provider are never among them.
   */
  public List<DeadlineBreach> dueIn(Quarter quarter, Collection<Long> providerIds) {
    if (providerIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(DUE_IN + " AND provider_id IN (:providerIds) ORDER BY " + NEWEST_FIRST)
        .param("from", utc(quarter.start()))
        .param("to", utc(quarter.end()))
        .param("providerIds", List.copyOf(providerIds))
        .query(DeadlineBreaches::breach)
        .list();
  }

  /**
   * The provider's breaches whose deadline fell on or after {@code since}, the latest deadline
   * first (the desk-top compliance audit's view of the last twelve months).
   */
  public List<DeadlineBreach> ofProviderSince(long providerId, Instant since) {
    return jdbc.sql(
            "SELECT * FROM deadline_breach WHERE provider_id = :providerId AND due_at >= :since"
                + " ORDER BY "
                + NEWEST_FIRST)
        .param("providerId", providerId)
        .param("since", utc(since))
        .query(DeadlineBreaches::breach)
        .list();
  }

  private static DeadlineBreach breach(ResultSet rs, int row) throws SQLException {
    return new DeadlineBreach(
        rs.getString("case_type"),
        rs.getString("case_reference"),
        longOrNull(rs, "provider_id"),
        rs.getString("requirement"),
        Kind.valueOf(rs.getString("kind")),
        instant(rs, "due_at"),
        instant(rs, "recorded_at"),
        rs.getString("detail"));
  }
}
