package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.notify.Attachment;

/**
 * Issues the default notice: the letter produced once and kept with the plan, emailed to the
 * provider through the outbox with the PDF attached, keyed by the case so a retry sends nothing
 * new.
 */
@Component("defaultNoticeSender")
@RequiredArgsConstructor
public class DefaultNoticeSender implements JavaDelegate {

  private final ImprovementPlanSteps steps;
  private final DefaultNoticeLetters letters;
  private final ImprovementPlanNotifications notifications;

  private final Clock clock;

  @Override
  public void execute(DelegateExecution execution) {
    ImprovementPlan plan = steps.plan(execution);
    DefaultNotice notice = letters.produceOnce(plan, clock.instant());
    notifications.defaultNotice(
        execution,
        plan,
        String.join("\n\n", DefaultNoticeLetters.paragraphs(plan, notice.createdAt())),
        new Attachment(notice.fileName(), DefaultNotice.CONTENT_TYPE, notice.content()));
  }
}
