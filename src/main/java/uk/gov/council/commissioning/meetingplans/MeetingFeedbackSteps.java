package uk.gov.council.commissioning.meetingplans;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.DeadlineRule;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.tasks.TaskAnswers;

/**
 * The steps of {@code meeting-feedback.bpmn} (seed 001 Part 3.1 §6): whether this meeting is
 * surveyed (every n-th meeting of the provider), the survey to the provider, its answers or its
 * lapse. The meeting and its provider are read from the register, never from a variable.
 */
@Component("meetingFeedbackSteps")
@RequiredArgsConstructor
public class MeetingFeedbackSteps {

  public static final String PROCESS_KEY = "meeting-feedback";
  static final String CASE_TYPE = "MEETING_FEEDBACK";
  static final String SURVEY = "SURVEY";
  static final String SECTION = "001 Part 3.1 §6";
  static final String FORM = "meeting-feedback-survey";
  private static final Set<String> SCORES = Set.of("1", "2", "3", "4", "5");
  private static final List<String> ANSWERS =
      List.of(
          "noticeScore",
          "preparationScore",
          "conductScore",
          "actionsScore",
          "overallScore",
          "comments");

  private final MeetingFeedbackRegister register;
  private final MeetingPlanRegister meetings;
  private final MeetingFeedbackProperties properties;
  private final Deadlines deadlines;
  private final CaseMail mail;
  private final RecipientDirectory recipients;
  private final Clock clock;

  /** The business key of the survey after meeting {@code meetingId}. */
  public static String businessKey(long meetingId) {
    return "MFS-" + meetingId;
  }

  /**
   * The provider's n-th meeting since surveys began is surveyed when the frequency says so
   * (commissioning.meetings.feedback.every-nth-meeting); either way the meeting is counted.
   */
  public void decide(DelegateExecution execution) {
    long meetingId = ((Number) execution.getVariable(MeetingPlanSteps.MEETING_ID)).longValue();
    MeetingFacts meeting =
        meetings
            .meeting(meetingId)
            .orElseThrow(() -> new IllegalStateException("No meeting " + meetingId));
    int number = register.surveysOf(meeting.providerId()) + 1;
    boolean surveyed = properties.surveys(number);
    register.open(
        meeting,
        execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(),
        number,
        surveyed ? MeetingFeedback.SENT : MeetingFeedback.SKIPPED,
        clock.instant());
    execution.setVariable("surveyed", surveyed);
    if (surveyed) {
      deadlines.schedule(
          ref(execution),
          SURVEY,
          DeadlineRule.workingDays(properties.lapseWorkingDays(), SECTION),
          clock.instant());
    }
  }

  public String providerGroup(DelegateExecution execution) {
    return feedback(execution).providerGroup();
  }

  /** Emails the provider the survey and when it lapses. */
  public void sendSurvey(DelegateExecution execution) {
    MeetingFeedback feedback = feedback(execution);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("caseReference", feedback.caseReference());
    values.put("contractReference", feedback.contractReference());
    values.put("providerName", feedback.providerName());
    values.put("meetingDate", feedback.meetingDate());
    values.put(
        "lapses",
        deadlines.find(ref(execution), SURVEY).map(d -> Deadlines.describe(d.dueAt())).orElse("-"));
    mail.send(
        execution,
        "meeting-feedback/survey",
        recipients.emailsOfGroup(feedback.providerGroup()),
        values);
  }

  /** What the survey shows; the answers open empty. */
  public void showSurvey(DelegateTask task) {
    MeetingFeedback feedback = feedback(task.getExecution());
    task.setVariableLocal(
        "meetingText",
        feedback.contractReference()
            + " ("
            + feedback.providerName()
            + "), meeting of "
            + feedback.meetingDate());
    for (String answer : ANSWERS) {
      task.setVariableLocal(answer, null);
    }
  }

  /** The provider's answers: each score 1 to 5, comments optional. */
  public void answered(DelegateTask task) {
    TaskAnswers.moveOntoTask(task, ANSWERS);
    FormChecks form = new FormChecks(FORM, task).againstForm(FORM);
    for (String question : FeedbackSummary.QUESTIONS.keySet()) {
      String field = question + "Score";
      CompletedTask.handOver(task, field, form.oneOf(field, SCORES));
    }
    String comments = form.optionalText("comments", 4000);
    form.throwIfAny();
    CompletedTask.handOver(task, "comments", comments);
    CompletedTask.handOver(task, "by", CompletedTask.completedBy(task));
  }

  public void recordAnswers(DelegateExecution execution) {
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (String question : FeedbackSummary.QUESTIONS.keySet()) {
      scores.put(question, Integer.valueOf(CompletedTask.get(execution, question + "Score")));
    }
    Instant now = clock.instant();
    register.recordAnswers(
        execution.getProcessBusinessKey(),
        scores,
        CompletedTask.get(execution, "comments"),
        CompletedTask.get(execution, "by"),
        now);
    deadlines.met(ref(execution), SURVEY, now);
  }

  /** No answer in time: the survey lapses (feedback is asked for, not owed: no breach). */
  public void recordLapsed(DelegateExecution execution) {
    deadlines.missed(ref(execution), SURVEY);
    register.recordLapsed(execution.getProcessBusinessKey());
  }

  private MeetingFeedback feedback(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    return register
        .find(reference)
        .orElseThrow(() -> new IllegalStateException("No meeting survey " + reference));
  }

  private static CaseRef ref(DelegateExecution execution) {
    return CaseRef.of(CASE_TYPE, execution);
  }
}
