package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.extension.ExtensionVariables.*;

import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;

/**
 * When a key decision is published, records when its call-in period ends (working days from the day
 * of publication); the call-in timer reads that deadline.
 */
@Component("callInPeriod")
@RequiredArgsConstructor
public class CallInPeriod implements TaskListener {

  private final ExtensionFormChecks formChecks;
  private final ExtensionDeadlines rules;
  private final Deadlines deadlines;

  @Override
  public void notify(DelegateTask task) {
    formChecks.publication(task);
    LocalDate published = LocalDate.parse(task.getVariable(PUBLICATION_DATE).toString().trim());
    task.setVariable(CALL_IN_LAST_DAY, rules.callInLastDay(published).toString());
    deadlines.schedule(
        CaseRef.of(CASE_TYPE, task.getExecution()),
        ExtensionDeadline.CALL_IN.name(),
        rules.callInRule(),
        published.atStartOfDay(WorkingDayCalendar.UK).toInstant());
  }
}
