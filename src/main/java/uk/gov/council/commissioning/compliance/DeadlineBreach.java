package uk.gov.council.commissioning.compliance;

import java.time.Instant;

/**
 * A deadline a case did not meet.
 *
 * @param caseType SERIOUS_INCIDENT, COMPLAINT or SAFEGUARDING_ALERT
 * @param requirement what was due, e.g. INITIAL_REPORT, REPORTING_FORM, ACKNOWLEDGEMENT
 * @param kind MISSED (the deadline passed with nothing received) or LATE (it arrived after the
 *     deadline)
 */
public record DeadlineBreach(
    String caseType,
    String caseReference,
    Long providerId,
    String requirement,
    Kind kind,
    Instant dueAt,
    Instant recordedAt,
    String detail) {

  public enum Kind {
    MISSED,
    LATE
  }
}
