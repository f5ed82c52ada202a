package uk.gov.council.commissioning.audits;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The process variables the audit steps read and set in the meeting process. {@code meetingId} is
 * set by the process's start; the rest are set by the steps here, never by a form.
 */
public final class AuditVariables {

  /** The contract management meeting (a number): read by {@code openDeskTopAudit}. */
  public static final String MEETING_ID = "meetingId";

  /** The audit's id, set by {@code openDeskTopAudit} and read by every later step. */
  public static final String AUDIT_ID = "auditId";

  /** How many clauses the desk-top review assessed Medium or High (set by deskTopAuditComplete). */
  public static final String CONCERNS = "auditConcerns";

  /** How many Medium risks the audit with the provider moved to High (complianceAuditComplete). */
  public static final String RAISED = "auditRaisedToHigh";

  private AuditVariables() {}

  static long auditId(DelegateExecution execution) {
    return number(execution, AUDIT_ID);
  }

  static long number(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s && s.strip().matches("\\d+")) {
      return Long.parseLong(s.strip());
    }
    throw new IllegalStateException("The case has no " + name + " (a number): " + value);
  }
}
