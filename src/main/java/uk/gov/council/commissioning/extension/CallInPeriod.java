package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.extension.ExtensionVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When a key decision is published, works out when its call-in period ends (working days). */
@Component("callInPeriod")
public class CallInPeriod implements TaskListener {

  private final ExtensionFormChecks formChecks;
  private final ExtensionDeadlines deadlines;

  public CallInPeriod(ExtensionFormChecks formChecks, ExtensionDeadlines deadlines) {
    this.formChecks = formChecks;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    formChecks.publication(task);
    LocalDate published = LocalDate.parse(task.getVariable(PUBLICATION_DATE).toString().trim());
    task.setVariable(CALL_IN_LAST_DAY, deadlines.callInLastDay(published).toString());
    task.setVariable(CALL_IN_ENDS_AT, deadlines.callInEndsAt(published));
  }
}
