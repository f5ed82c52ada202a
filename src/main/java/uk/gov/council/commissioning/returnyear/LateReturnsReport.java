package uk.gov.council.commissioning.returnyear;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.kpis.ReportingQuarter;
import uk.gov.council.commissioning.notify.OutboxDispatcher;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.returns.LateReturns;
import uk.gov.council.commissioning.returns.LateReturns.LateReturn;
import uk.gov.council.commissioning.returns.ReturnDeadlines;
import uk.gov.council.commissioning.security.Roles;

/**
 * The steps of {@code performance-late-report.bpmn} (seed 001 Part 3.2 §4.1.6): on each run of its
 * timer, the latest quarter whose deadline plus {@code
 * commissioning.performance-year.late-report-margin} has passed is reported to the Core Strategy
 * Group and the Commissioning Body, once (the outbox key names the quarter).
 */
@Component("lateReturnsReport")
@RequiredArgsConstructor
public class LateReturnsReport {

  static final String QUARTER = "quarter";
  static final String TEMPLATE = "performance-late-report/late-returns";
  static final String COUNT = "lateCount";

  private final LateReturns lateReturns;
  private final ReturnDeadlines returnDeadlines;
  private final PerformanceYearProperties properties;
  private final CaseMail mail;
  private final OutboxDispatcher outbox;
  private final RecipientDirectory recipients;
  private final Clock clock;

  /** The quarter due for its report on {@code today}: the latest whose report day has come. */
  public Optional<ReportingQuarter> dueOn(LocalDate today) {
    ReportingQuarter q = ReportingQuarter.containing(today);
    for (int i = 0; i < 4; i++) {
      if (!reportDay(q).isAfter(today)) {
        return Optional.of(q);
      }
      q = q.previous();
    }
    return Optional.empty();
  }

  /** The day after the quarter's deadline and the margin. */
  public LocalDate reportDay(ReportingQuarter quarter) {
    return returnDeadlines.dueDate(quarter).plus(properties.lateReportMargin()).plusDays(1);
  }

  /** Which quarter to report (none when it has been), and how many late returns it has. */
  public void compile(DelegateExecution execution) {
    LocalDate today = today();
    Optional<ReportingQuarter> due =
        dueOn(today).filter(q -> !outbox.isQueued(CaseMail.occasionKey(q.label(), TEMPLATE)));
    execution.setVariable(QUARTER, due.map(ReportingQuarter::label).orElse(null));
    execution.setVariable(COUNT, due.map(q -> lateReturns.of(q, today).size()).orElse(0));
  }

  /** The report to the Core Strategy Group and the Commissioning Body, once per quarter. */
  public void send(DelegateExecution execution) {
    ReportingQuarter quarter =
        ReportingQuarter.parse((String) execution.getVariable(QUARTER)).orElseThrow();
    List<LateReturn> found = lateReturns.of(quarter, today());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("quarter", quarter.label());
    values.put("count", found.size());
    values.put("returns", lines(found));
    mail.sendFor(quarter.label(), TEMPLATE, to(), values);
  }

  static String lines(List<LateReturn> found) {
    if (found.isEmpty()) {
      return "None: every return came in by its deadline or an agreed extension.";
    }
    List<String> lines = new ArrayList<>();
    for (LateReturn r : found) {
      lines.add(
          "- "
              + r.contractReference()
              + " "
              + r.contractTitle()
              + " ("
              + r.providerName()
              + "): due "
              + PerformanceYearSteps.UK_DATE.format(r.dueDate())
              + (r.outstanding()
                  ? ", still awaited"
                  : ", received "
                      + PerformanceYearSteps.UK_DATE.format(
                          r.receivedAt().atZone(WorkingDayCalendar.UK).toLocalDate())));
    }
    return String.join("\n", lines);
  }

  private List<String> to() {
    List<String> to =
        new ArrayList<>(
            properties.coreStrategyGroupEmails().isEmpty()
                ? recipients.emailsOfGroup(Roles.CORE_STRATEGY_GROUP)
                : properties.coreStrategyGroupEmails());
    to.addAll(properties.commissioningBodyEmails());
    return to;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
  }
}
