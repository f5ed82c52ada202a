package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The grades sent and made final (seed 001 Part 3.3 §3.4), and what follows them: an improvement
 * plan for every final D, and moderation (§3.2).
 */
@Component("qafGradeSteps")
@RequiredArgsConstructor
public class QafGradeSteps {

  private final QafRepository repository;
  private final QafNotifications notifications;
  private final QafImprovementPlans improvementPlans;
  private final QafModeration moderation;

  private final Clock clock;

  /** §3.4: the agreed grades, with a written explanation wherever adjusted. */
  public void sendGrades(DelegateExecution execution) {
    QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
    Object sent = execution.getVariable("gradesSent");
    int round = sent instanceof Number n ? n.intValue() + 1 : 1;
    notifications.grades(execution, q, round);
    repository.recordGradesSent(q.id(), clock.instant());
    execution.setVariable("gradesSent", round);
    execution.setVariable(
        "gradesSummary", QafNotifications.gradeLines(repository.grades(q.id()), false));
  }

  /** Grades final: the officer's (as agreed or decided) become the final grades. */
  public void finaliseGrades(DelegateExecution execution) {
    QafAssessment q = repository.ofProcess(execution.getProcessInstanceId());
    Map<String, String> finals = new LinkedHashMap<>();
    repository.grades(q.id()).forEach(g -> finals.put(g.objective(), g.officerGrade()));
    Object route = execution.getVariable("agreementRoute");
    repository.agree(
        q.id(), finals, route == null ? "PROVIDER_AGREED" : route.toString(), clock.instant());
    notifications.finalGrades(execution, q, finals.containsValue("D"));
  }

  /** §3.4: every final D starts an improvement plan. */
  public void startImprovementPlans(DelegateExecution execution) {
    List<String> started =
        improvementPlans.startForFinalDGrades(
            repository.ofProcess(execution.getProcessInstanceId()).id());
    execution.setVariable("improvementPlansStarted", started.size());
  }

  /** §3.2: the contracts manager moderates two QAFs per purchasing officer per year. */
  public void considerModeration(DelegateExecution execution) {
    Optional<String> started =
        moderation.consider(repository.ofProcess(execution.getProcessInstanceId()).id());
    execution.setVariable("moderationStarted", started.isPresent());
  }
}
