package uk.gov.council.commissioning.safeguarding;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;

/**
 * Raises a safeguarding alert (seed 002 §10.3-10.5): records it and starts the {@code
 * safeguarding-alert} process, in which the safeguarding team screens it. One alert per source
 * case, so a case that reports the same concern twice, or a retried job, raises it once.
 */
@Service
@RequiredArgsConstructor
public class SafeguardingAlerts {

  public static final String PROCESS_KEY = "safeguarding-alert";

  private final JdbcClient jdbc;
  private final CaseStarts cases;
  private final DeadlineBreaches breaches;
  private final SafeguardingProperties properties;

  /**
   * Records the alert and starts its screening, in the caller's transaction.
   *
   * @return the alert's process instance id; the existing one if this source case raised an alert
   *     before
   */
  @Transactional
  public String raise(SafeguardingConcern concern) {
    Optional<String> existing = processInstanceOf(concern.sourceType(), concern.sourceReference());
    if (existing.isPresent()) {
      return existing.get();
    }
    // Fixed now, with the period in force when the alert came in: a later change of setting must
    // not
    // rewrite how past alerts are judged (App C 5.2 figures).
    Instant dueAt = concern.awareAt().plus(properties.alertWithin());
    jdbc.sql(
            """
            INSERT INTO safeguarding_alert
              (source_type, source_reference, provider_id, raised_by, aware_at, alert_due_at, alerted_at, summary)
            VALUES (:sourceType, :sourceReference, :providerId, :raisedBy, :awareAt, :dueAt, :alertedAt, :summary)
            """)
        .param("sourceType", concern.sourceType())
        .param("sourceReference", concern.sourceReference())
        .param("providerId", new SqlParameterValue(Types.BIGINT, concern.providerId()))
        .param("raisedBy", concern.raisedBy())
        .param("awareAt", utc(concern.awareAt()))
        .param("dueAt", utc(dueAt))
        .param("alertedAt", utc(concern.alertedAt()))
        .param("summary", registerSummary(concern))
        .update();

    if (SafeguardingConcern.PROVIDER.equals(concern.raisedBy())
        && concern.alertedAt().isAfter(dueAt)) {
      breaches.record(
          "SAFEGUARDING_ALERT",
          concern.sourceReference(),
          concern.providerId(),
          "SAFEGUARDING_ALERT",
          Kind.LATE,
          dueAt,
          concern.alertedAt(),
          "Alert reached the council "
              + Duration.between(concern.awareAt(), concern.alertedAt()).toMinutes()
              + " minutes after the provider became aware");
    }

    Map<String, Object> variables = new HashMap<>();
    variables.put("sourceType", concern.sourceType());
    variables.put("sourceReference", concern.sourceReference());
    variables.put("sourceProcessInstanceId", concern.sourceProcessInstanceId());
    variables.put("providerGroup", concern.providerGroup());
    variables.put("raisedBy", concern.raisedBy());
    variables.put("awareAt", concern.awareAt().toString());
    variables.put("alertedAt", concern.alertedAt().toString());
    variables.put("concernSummary", concern.summary());
    ProcessInstance instance =
        cases.startAsSystem(PROCESS_KEY, concern.sourceReference(), variables);
    jdbc.sql(
            "UPDATE safeguarding_alert SET process_instance_id = :pid"
                + " WHERE source_type = :sourceType AND source_reference = :sourceReference")
        .param("pid", instance.getId())
        .param("sourceType", concern.sourceType())
        .param("sourceReference", concern.sourceReference())
        .update();
    return instance.getId();
  }

  /**
   * The line the register keeps: which case the concern came from, nothing about the person. The
   * register is read for figures and reports; what is suspected stays in the alert's process, where
   * only the safeguarding team and a leading provider can see it.
   */
  static String registerSummary(SafeguardingConcern concern) {
    return "Concern raised from "
        + OpenSafeguardingAlert.describeSource(concern.sourceType(), concern.sourceReference());
  }

  /**
   * Seed 002 App C 5.2 when the council learnt first: the alert was raised by the council, and the
   * provider's report now gives when the provider itself became aware. Recorded on the council's
   * alert (once; a repeat keeps the first) with the due time under the period in force now, so the
   * provider's 12-hour figure counts from its own awareness. An alert the provider raised already
   * counts from the provider's awareness and is left as it is.
   *
   * @param alertProcessInstanceId the alert's process instance
   * @return true if recorded now
   */
  @Transactional
  public boolean providerReported(
      String alertProcessInstanceId, Instant providerAwareAt, Instant reportedAt) {
    if (alertProcessInstanceId == null || providerAwareAt == null || reportedAt == null) {
      return false;
    }
    return jdbc.sql(
                """
                UPDATE safeguarding_alert
                   SET provider_aware_at = :awareAt, provider_report_due_at = :dueAt,
                       provider_reported_at = :reportedAt
                 WHERE process_instance_id = :pid AND raised_by = 'COUNCIL'
                   AND provider_aware_at IS NULL
                """)
            .param("awareAt", utc(providerAwareAt))
            .param("dueAt", utc(providerAwareAt.plus(properties.alertWithin())))
            .param("reportedAt", utc(reportedAt))
            .param("pid", alertProcessInstanceId)
            .update()
        > 0;
  }

  /** The process instance of the alert raised from this source case, if any. */
  public Optional<String> processInstanceOf(String sourceType, String sourceReference) {
    return jdbc.sql(
            "SELECT process_instance_id FROM safeguarding_alert"
                + " WHERE source_type = :sourceType AND source_reference = :sourceReference")
        .param("sourceType", sourceType)
        .param("sourceReference", sourceReference)
        .query(String.class)
        .optional();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
