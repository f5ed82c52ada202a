package uk.gov.council.commissioning.deadlines;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Which case a deadline belongs to.
 *
 * @param caseType the case type as the breach register records it, e.g. {@code COMPLAINT}
 * @param reference the case's number, which is its process's business key
 * @param processInstanceId the process instance that handles the case
 */
public record CaseRef(String caseType, String reference, String processInstanceId) {

  public CaseRef {
    Objects.requireNonNull(caseType, "caseType");
    Objects.requireNonNull(reference, "reference");
  }

  /**
   * The case an execution handles: its process's business key, which the case's start step sets.
   */
  public static CaseRef of(String caseType, DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    if (reference == null) {
      throw new IllegalStateException(
          "Process instance " + execution.getProcessInstanceId() + " has no business key yet");
    }
    return new CaseRef(caseType, reference, execution.getProcessInstanceId());
  }
}
