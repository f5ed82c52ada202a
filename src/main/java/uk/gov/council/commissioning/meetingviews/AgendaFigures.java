package uk.gov.council.commissioning.meetingviews;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.audits.ComplianceAudit;
import uk.gov.council.commissioning.audits.ComplianceAudits;
import uk.gov.council.commissioning.audits.DeskTopView;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.kpireports.KpiReports;
import uk.gov.council.commissioning.meetingplans.MeetingImprovementPlans;
import uk.gov.council.commissioning.meetingplans.MeetingPlan;
import uk.gov.council.commissioning.meetings.MeetingCaseStarts;
import uk.gov.council.commissioning.meetings.MeetingSteps;
import uk.gov.council.commissioning.qaf.QafHistory.GradedObjective;
import uk.gov.council.commissioning.reports.ReportFormat;
import uk.gov.council.commissioning.security.Actor;

/**
 * Gathers the provider's figures for a meeting's agenda (seed 001 Part 3.1 §3.5: "some quantifiable
 * data on Service Provider performance (eg ... QAFs etc)"; §5: the improvement plan "formally
 * reviewed at each Contract Management Meeting"): counts from the desk-top view of the meeting's
 * audit and the progress of the plans from earlier meetings, and the rolling twelve months of
 * performance returns (Part 3.2 §7.1.2) where the contract has any. Counts only: no case's details
 * reach the agenda, which goes to the provider.
 */
@Component("agendaFigures")
@RequiredArgsConstructor
class AgendaFigures implements JavaDelegate {

  private final ComplianceAudits audits;
  private final MeetingImprovementPlans plans;
  private final KpiReports kpiReports;

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = ((Number) execution.getVariable(MeetingCaseStarts.MEETING_ID)).longValue();
    ComplianceAudit audit =
        audits
            .forMeeting(meetingId, Actor.engine())
            .orElseThrow(
                () -> new IllegalStateException("Meeting " + meetingId + " has no desk-top audit"));
    // Seed 001 Part 3.2 §7.1.2: the rolling twelve months of PI figures join the agenda's figures.
    String figures =
        performance(audits.deskTop(audit))
            + kpiReports.agendaLine(audit.contractReference()).map(line -> "; " + line).orElse("");
    execution.setVariable(MeetingSteps.PERFORMANCE_FIGURES, figures);
    execution.setVariable(
        MeetingSteps.PLAN_PROGRESS, planProgress(plans.toReview(audit.contractReference())));
  }

  static String performance(DeskTopView view) {
    LocalDate since = LocalDate.ofInstant(view.since(), WorkingDayCalendar.UK);
    Map<String, Long> grades =
        view.qafGrades().stream()
            .map(GradedObjective::finalGrade)
            .filter(Objects::nonNull)
            .collect(Collectors.groupingBy(g -> g, TreeMap::new, Collectors.counting()));
    String graded =
        grades.isEmpty()
            ? "no QAF objective graded"
            : "QAF objectives graded "
                + grades.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
    return "since "
        + ReportFormat.day(since)
        + ": "
        + graded
        + "; QAF improvement plans open "
        + view.openImprovementPlans().size()
        + "; complaints "
        + view.complaints().size()
        + "; serious incidents "
        + view.seriousIncidents().size()
        + "; safeguarding alerts "
        + view.safeguardingAlerts().size()
        + "; deadlines missed "
        + view.deadlineBreaches().size();
  }

  static String planProgress(List<MeetingPlan> open) {
    if (open.isEmpty()) {
      return "no plan from an earlier meeting open";
    }
    return open.stream()
        .map(
            p ->
                "plan of "
                    + ReportFormat.day(p.meetingDate())
                    + " "
                    + p.progressText()
                    + (p.progress().overdue() > 0
                        ? ", " + p.progress().overdue() + " overdue"
                        : ""))
        .collect(Collectors.joining("; "));
  }
}
