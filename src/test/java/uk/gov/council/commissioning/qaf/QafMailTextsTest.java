package uk.gov.council.commissioning.qaf;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;

/** The QAF's and improvement plan's emails: their keys, recipients and exact wording. */
class QafMailTextsTest {

  private static final Instant DUE = Instant.parse("2026-03-02T00:00:00Z");

  private final NotificationService outbox = mock(NotificationService.class);
  private final RecipientDirectory directory = mock(RecipientDirectory.class);
  private final QafRepository repository = mock(QafRepository.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final CaseMail mail = new CaseMail(outbox);

  @BeforeEach
  void caseAndPeople() {
    when(execution.getProcessInstanceId()).thenReturn("7");
    when(directory.emailOfUser("officer")).thenReturn(Optional.of("officer@council.example"));
  }

  @Test
  void theIssuedQafNamesTheReturnDateTheMeetingAndTheTarget() {
    when(execution.getVariable("targetPerformanceLevel")).thenReturn("Level B");
    QafAssessment q = qaf(0);

    new QafNotifications(mail, directory, repository).issued(execution, q);

    verify(outbox)
        .send(
            eq("qaf:7:issued"),
            eq(List.of("quality@alpha.example", "officer@council.example")),
            eq("Quality Assessment Framework QAF-2026-000001 for C-1"),
            eq(
                "Please complete the QAF LITE self assessment for Home care (C-1) in the council's"
                    + " Tasklist and return it by "
                    + QafDeadlines.describe(DUE)
                    + ", six weeks before your contract management meeting on "
                    + QafDeadlines.describe(LocalDate.of(2026, 4, 13))
                    + ".\n\nWritten evidence is required under every section of each performance"
                    + " level up to the grade you claim; ticks are not acceptable. Please complete"
                    + " the summary sheet too.\n\nReminder of this year's target: Level B."));
  }

  @Test
  void finalGradesWithADAskForAnImprovementPlanAndASentBackReturnIsKeyedByItsRound() {
    QafAssessment q = qaf(1);
    when(repository.grades(q.id()))
        .thenReturn(List.of(new QafGrade("C1.1", "B", "D", "D", "No evidence.", null)));
    QafNotifications notifications = new QafNotifications(mail, directory, repository);

    notifications.finalGrades(execution, q, true);
    notifications.sentBack(execution, q, 2, "C1.1: no evidence");

    String line = QafNotifications.gradeLines(repository.grades(q.id()), true);
    verify(outbox)
        .send(
            eq("qaf:7:final-grades"),
            eq(List.of("quality@alpha.example", "officer@council.example")),
            eq("Final QAF grades: QAF-2026-000001"),
            eq(
                "The final grades for Home care (C-1):\n\n"
                    + line
                    + "\nAn improvement plan is expected within two weeks for every standard"
                    + " graded D (seed 001 Part 3.3 §3.4); a task for it is in Tasklist."));
    verify(outbox)
        .send(
            eq("qaf:7:sent-back-2"),
            eq(List.of("quality@alpha.example", "officer@council.example")),
            eq("QAF QAF-2026-000001 returned to you as incomplete"),
            eq(
                "Your QAF for C-1 is incomplete (seed 001 Part 3.3 §3):\nC1.1: no evidence"
                    + "\n\nPlease complete it in Tasklist by "
                    + QafDeadlines.describe(DUE)
                    + "."));
  }

  @Test
  void theImprovementPlanEmailsKeepTheirKeysAndWording() {
    ImprovementPlanNotifications notifications =
        new ImprovementPlanNotifications(mail, directory, mock(ContractService.class));
    ImprovementPlan plan = plan(2, ImprovementPlan.NOT_IMPROVED, true);
    String head =
        "Improvement plan QAF-2026-000001/C1.1\nQAF QAF-2026-000001, standard C1.1\n"
            + "Contract: Home care (C-1) with Alpha Care";

    notifications.requested(execution, plan);
    notifications.sentBack(execution, plan, "Purchasing officer (sent back): more", "Fri 6 Mar");
    notifications.closed(execution, plan);

    verify(outbox)
        .send(
            "qaf-plan:7:requested",
            List.of("quality@alpha.example"),
            "Improvement plan needed: QAF-2026-000001/C1.1",
            head
                + "\n\nThis standard was graded D. Submit an improvement plan in Tasklist by "
                + ImprovementPlanTimes.text(DUE)
                + " (seed 001 3.3 §3.4: within two weeks).");
    verify(outbox)
        .send(
            "qaf-plan:7:sent-back-2",
            List.of("quality@alpha.example"),
            "Improvement plan QAF-2026-000001/C1.1 sent back",
            head
                + "\n\nThe council has reviewed your improvement plan and sent it back.\n\n"
                + "Purchasing officer (sent back): more\n\nSubmit the revised plan in Tasklist by"
                + " Fri 6 Mar.");
    verify(outbox)
        .send(
            "qaf-plan:7:closed",
            List.of("quality@alpha.example"),
            "Improvement plan QAF-2026-000001/C1.1 closed",
            head
                + "\n\nNo improvement was found. The contracts manager has reported this to the"
                + " Core Strategy Group and a default notice has been issued.");
  }

  /** Records are mocked: each email reads only a few of their many fields. */
  private static QafAssessment qaf(int timesSentBack) {
    QafAssessment q = mock(QafAssessment.class);
    when(q.id()).thenReturn(11L);
    when(q.number()).thenReturn("QAF-2026-000001");
    when(q.contractReference()).thenReturn("C-1");
    when(q.contractTitle()).thenReturn("Home care");
    when(q.providerEmail()).thenReturn("quality@alpha.example");
    when(q.variant()).thenReturn("LITE");
    when(q.meetingDate()).thenReturn(LocalDate.of(2026, 4, 13));
    when(q.reviewingOfficer()).thenReturn("officer");
    when(q.returnDueAt()).thenReturn(DUE);
    when(q.timesSentBack()).thenReturn(timesSentBack);
    return q;
  }

  private static ImprovementPlan plan(int timesSentBack, String outcome, Boolean notice) {
    ImprovementPlan plan = mock(ImprovementPlan.class);
    when(plan.caseReference()).thenReturn("QAF-2026-000001/C1.1");
    when(plan.qafNumber()).thenReturn("QAF-2026-000001");
    when(plan.objective()).thenReturn("C1.1");
    when(plan.providerName()).thenReturn("Alpha Care");
    when(plan.providerEmail()).thenReturn("quality@alpha.example");
    when(plan.contractReference()).thenReturn("C-1");
    when(plan.contractTitle()).thenReturn("Home care");
    when(plan.planDueAt()).thenReturn(DUE);
    when(plan.timesSentBack()).thenReturn(timesSentBack);
    when(plan.outcome()).thenReturn(outcome);
    when(plan.defaultNotice()).thenReturn(notice);
    return plan;
  }
}
