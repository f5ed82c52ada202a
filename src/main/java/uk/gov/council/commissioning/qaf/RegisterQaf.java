package uk.gov.council.commissioning.qaf;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;

/**
 * The first step of every QAF, in the transaction that starts it: a refusal means nothing is
 * created. Locks the contract (two requests for the same meeting take turns), records a given
 * meeting in the schedule, inserts the QAF and names the case by its number.
 */
@Component("registerQaf")
@RequiredArgsConstructor
public class RegisterQaf implements JavaDelegate {

  private final QafRegistration registration;
  private final QafRepository repository;
  private final ContractService contracts;
  private final IdentityService identityService;
  private final QafDeadlines deadlines;
  private final Deadlines caseDeadlines;

  @Override
  public void execute(DelegateExecution execution) {
    // The signed-in user, never a start variable of the same name; nobody signed in: the automatic
    // start.
    Authentication signedIn = identityService.getCurrentAuthentication();
    String starter = signedIn == null ? null : signedIn.getUserId();
    Object reference = execution.getVariable("contractReference");
    if (reference != null && !reference.toString().isBlank()) {
      contracts
          .findByReference(reference.toString().trim())
          .ifPresent(c -> contracts.lockForUpdate(c.reference()));
    }
    QafRegistration.Request request = registration.check(execution, starter);
    if (request.meetingGiven()) {
      repository.scheduleMeeting(request.contract().id(), request.meetingDate());
    }
    int year = QafDeadlines.financialYear(request.meetingDate());
    String number =
        repository.insert(
            execution.getProcessInstanceId(),
            request.contract().id(),
            request.contract().provider().id(),
            year,
            request.variant(),
            request.meetingDate(),
            request.reviewingOfficer(),
            request.issueAt(),
            request.returnDueAt());
    execution.setProcessBusinessKey(number);
    scheduleDeadlines(CaseRef.of(QafAssessment.CASE_TYPE, execution), request);

    Map<String, Object> variables = new HashMap<>();
    variables.put("qafNumber", number);
    variables.put("startedBy", starter);
    variables.put("contractReference", request.contract().reference());
    variables.put("contractTitle", request.contract().title());
    variables.put("providerName", request.contract().provider().name());
    variables.put("financialYear", year + "/" + String.format("%02d", (year + 1) % 100));
    variables.put("variant", request.variant());
    variables.put("alarmService", "LITE_ALARM".equals(request.variant()));
    variables.put("meetingDate", request.meetingDate().toString());
    variables.put("meetingOn", QafDeadlines.describe(request.meetingDate()));
    variables.put("reviewingOfficer", request.reviewingOfficer());
    variables.put("issueOn", QafDeadlines.describe(request.issueAt()));
    variables.put("returnDueAt", Date.from(request.returnDueAt()));
    variables.put("returnDue", QafDeadlines.describe(request.returnDueAt()));
    variables.put("targetPerformanceLevel", deadlines.properties().targetPerformanceLevel());
    // The summary sheet's earlier columns (3.3 App 2): the latest QAF held.
    var previous = repository.previousGrades(request.contract().id(), year);
    previous.forEach(
        (objective, grade) -> {
          QafObjective o = QafObjective.byCode(objective).orElseThrow();
          variables.put(o.fieldPrefix() + "PreviousProviderGrade", grade.providerGrade());
          variables.put(o.fieldPrefix() + "PreviousOfficerGrade", grade.finalGrade());
        });
    for (QafObjective o : QafObjective.values()) {
      var grade = previous.get(o.code());
      variables.put(
          o.fieldPrefix() + "LastQaf",
          grade == null
              ? "none held"
              : "provider claimed "
                  + orDash(grade.providerGrade())
                  + ", final grade "
                  + orDash(grade.finalGrade()));
    }
    execution.setVariables(variables);
  }

  /**
   * The timers' deadlines, fixed dates computed from the meeting (§2: issued three months before,
   * due back six weeks before; §3: not returned some time after). Each is a UK midnight, the end of
   * the day before it.
   */
  private void scheduleDeadlines(CaseRef ref, QafRegistration.Request request) {
    DeadlineRows.fixedAt(
        caseDeadlines, ref, QafDeadlines.ISSUE, request.issueAt(), QafDeadlines.SECTION_ISSUE);
    DeadlineRows.fixedAt(
        caseDeadlines, ref, QafDeadlines.RETURN, request.returnDueAt(), QafDeadlines.SECTION_ISSUE);
    DeadlineRows.fixedAt(
        caseDeadlines,
        ref,
        QafDeadlines.NOT_RETURNED,
        deadlines.notReturnedAt(request.returnDueAt()),
        QafDeadlines.SECTION_NOT_RETURNED);
  }

  private static String orDash(String grade) {
    return grade == null ? "–" : grade;
  }
}
