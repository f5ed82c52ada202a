package uk.gov.council.commissioning.safeguarding;

import static uk.gov.council.commissioning.safeguarding.SafeguardingVariables.*;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;

/**
 * Writes the screening decision and the outcome to the alert's row in {@code safeguarding_alert},
 * the record the council answers for (seed 002 §10.4: "recorded in a written format, available
 * always"). Each write happens once: a repeated call leaves the first record as it was.
 */
@Component("safeguardingRegister")
@RequiredArgsConstructor
public class SafeguardingRegister {

  static final int MAX_OUTCOME = 2000;

  private static final Logger log = LoggerFactory.getLogger(SafeguardingRegister.class);

  private final JdbcClient jdbc;
  private final ContractService contracts;

  private final Deadlines deadlines;
  private final Clock clock;

  /**
   * The provider the alert is about, from its row, found by the alert's process instance: variables
   * can be set by whoever completes a task, so the provider (and who gets its tasks and emails) is
   * never taken from them.
   */
  Optional<Provider> providerOfAlert(String processInstanceId) {
    return jdbc.sql("SELECT provider_id FROM safeguarding_alert WHERE process_instance_id = :pid")
        .param("pid", processInstanceId)
        .query(
            (rs, row) -> {
              long id = rs.getLong(1);
              return rs.wasNull() ? Optional.<Long>empty() : Optional.of(id);
            })
        .optional()
        .flatMap(id -> id)
        .flatMap(contracts::findProviderById);
  }

  /** The candidate group of the provider-led enquiry: the organisation the alert is about. */
  public String providerGroup(DelegateExecution execution) {
    return leadProvider(execution).organisationGroup();
  }

  /** The provider leading the enquiry: the one the alert is about, which it must name. */
  Provider leadProvider(DelegateExecution execution) {
    return providerOfAlert(execution.getProcessInstanceId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Safeguarding alert "
                        + execution.getProcessBusinessKey()
                        + " names no provider to lead its enquiry"));
  }

  /** The provider the alert is about, if any, as raise() recorded it. */
  Optional<Long> providerOf(String sourceType, String sourceReference) {
    return jdbc.sql(
            "SELECT provider_id FROM safeguarding_alert"
                + " WHERE source_type = :sourceType AND source_reference = :sourceReference")
        .param("sourceType", sourceType)
        .param("sourceReference", sourceReference)
        .query(
            (rs, row) -> {
              long id = rs.getLong(1);
              return rs.wasNull() ? Optional.<Long>empty() : Optional.of(id);
            })
        .optional()
        .flatMap(id -> id);
  }

  /** Records who leads and whether a section 42 enquiry follows; true if recorded now. */
  public boolean recordScreening(DelegateExecution execution) {
    boolean section42 = YES.equals(execution.getVariable(SECTION42_ENQUIRY));
    Object lead = execution.getVariable(LEAD_ORGANISATION);
    int updated =
        jdbc.sql(
                """
            UPDATE safeguarding_alert
               SET screened_at = :now, lead_organisation = :lead, section42_enquiry = :section42
             WHERE process_instance_id = :pid AND screened_at IS NULL
            """)
            .param("now", now())
            .param(
                "lead",
                new SqlParameterValue(
                    Types.VARCHAR, section42 && lead != null ? lead.toString() : null))
            .param("section42", section42)
            .param("pid", execution.getProcessInstanceId())
            .update();
    logIfNothing(updated, "screening", execution);
    if (updated > 0) {
      deadlines.met(caseRef(execution), SCREENING, clock.instant());
    }
    return updated > 0;
  }

  /**
   * Closes the alert with its outcome: the enquiry's outcome, or, without a section 42 enquiry, the
   * screening's reasons. True if closed now.
   */
  public boolean close(DelegateExecution execution) {
    String outcome =
        YES.equals(execution.getVariable(SECTION42_ENQUIRY))
            ? "Section 42 enquiry: " + execution.getVariable(ENQUIRY_OUTCOME)
            : "No section 42 enquiry: " + execution.getVariable(SCREENING_REASONS);
    execution.setVariable(ALERT_OUTCOME, outcome);
    int updated =
        jdbc.sql(
                """
            UPDATE safeguarding_alert SET outcome = :outcome, closed_at = :now
             WHERE process_instance_id = :pid AND closed_at IS NULL
            """)
            .param(
                "outcome",
                outcome.length() <= MAX_OUTCOME ? outcome : outcome.substring(0, MAX_OUTCOME))
            .param("now", now())
            .param("pid", execution.getProcessInstanceId())
            .update();
    logIfNothing(updated, "closure", execution);
    return updated > 0;
  }

  private static void logIfNothing(int updated, String what, DelegateExecution execution) {
    if (updated == 0) {
      // Either recorded before (a retry) or an instance started without SafeguardingAlerts.raise().
      log.info(
          "Safeguarding alert {} (process instance {}): {} already recorded or no alert row; left unchanged",
          execution.getProcessBusinessKey(),
          execution.getProcessInstanceId(),
          what);
    }
  }

  private OffsetDateTime now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  /** The alert case an execution handles: its business key is the source case's number. */
  static CaseRef caseRef(DelegateExecution execution) {
    return CaseRef.of(CASE_TYPE, execution);
  }

  /** The screening timer fired with the alert still unscreened; once, however often it fires. */
  public void screeningMissed(DelegateExecution execution) {
    deadlines.missed(caseRef(execution), SCREENING);
  }
}
