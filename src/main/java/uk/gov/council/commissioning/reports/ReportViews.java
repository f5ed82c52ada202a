package uk.gov.council.commissioning.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.Measure;
import uk.gov.council.commissioning.compliance.ProviderFigures;
import uk.gov.council.commissioning.compliance.Quarter;
import uk.gov.council.commissioning.notify.CaughtMail;

/** What the report templates show, already written out for reading: the templates only place it. */
final class ReportViews {

  private ReportViews() {}

  /**
   * The quarter shown and its neighbours, for the links between quarters; null where there is none.
   */
  record QuarterView(String id, String from, String to, String previous, String next) {
    static QuarterView of(Quarter q) {
      return new QuarterView(
          q.toString(),
          ReportFormat.day(q.firstDay()),
          ReportFormat.day(q.lastDay()),
          q.previous().map(Quarter::toString).orElse(null),
          q.next().map(Quarter::toString).orElse(null));
    }
  }

  record ProviderSection(String anchor, String name, List<MeasureRow> measures) {
    static ProviderSection of(ProviderFigures figures) {
      return new ProviderSection(
          "provider-" + figures.provider().id(),
          figures.provider().name(),
          figures.measures().stream().map(MeasureRow::of).toList());
    }
  }

  /**
   * One measure. {@code reference} is where the measure comes from ("App C 4.2", or "§12.4" for the
   * serious-incident reporting times the appendix does not list).
   */
  record MeasureRow(
      String key,
      String number,
      String reference,
      String wording,
      String note,
      String total,
      String met,
      String missed,
      String pending,
      String percentage) {

    private static final String DOCUMENT = "seed 002 ";

    static MeasureRow of(Measure m) {
      String reference =
          m.source().startsWith(DOCUMENT) ? m.source().substring(DOCUMENT.length()) : m.source();
      return new MeasureRow(
          m.key(),
          m.number(),
          reference,
          m.wording(),
          m.note(),
          ReportFormat.count(m.total()),
          ReportFormat.count(m.met()),
          ReportFormat.count(m.missed()),
          ReportFormat.count(m.pending()),
          ReportFormat.percentage(m.percentage()));
    }
  }

  /** One breach; {@code href} is null when the case cannot be linked to. */
  record BreachRow(
      String caseType,
      String caseNumber,
      String href,
      String provider,
      String requirement,
      String kind,
      String due,
      String dueMachine,
      String recorded,
      String recordedMachine,
      String detail) {

    private static final Map<String, String> CASE_TYPES =
        Map.of(
            "SERIOUS_INCIDENT", "Serious incident",
            "COMPLAINT", "Complaint",
            "SAFEGUARDING_ALERT", "Safeguarding alert",
            "QAF", "QAF",
            "QAF_IMPROVEMENT_PLAN", "QAF improvement plan",
            "MEETING_PLAN", "Meeting improvement plan");

    // Without the periods: they are configuration, and the due column says when each fell due.
    private static final Map<String, String> REQUIREMENTS =
        Map.of(
            "INITIAL_REPORT", "Initial report",
            "REPORTING_FORM", "Reporting form",
            "ACKNOWLEDGEMENT", "Acknowledgement",
            "RESPONSE", "Stage 1 response",
            "RESOLUTION", "Resolution",
            "WRITTEN_REPORT", "Full written report",
            "SAFEGUARDING_ALERT", "Safeguarding alert",
            "QAF_RETURN", "QAF return",
            "IMPROVEMENT_PLAN", "Improvement plan");

    static BreachRow of(DeadlineBreach b, String providerName) {
      return new BreachRow(
          CASE_TYPES.getOrDefault(b.caseType(), b.caseType()),
          b.caseReference(),
          href(b),
          providerName,
          REQUIREMENTS.getOrDefault(b.requirement(), b.requirement()),
          b.kind().name(),
          ReportFormat.time(b.dueAt()),
          ReportFormat.machineTime(b.dueAt()),
          ReportFormat.time(b.recordedAt()),
          ReportFormat.machineTime(b.recordedAt()),
          b.detail());
    }

    /**
     * The case's record in the API. A safeguarding alert is filed under the number of the incident
     * or complaint it came from, so that case is the one linked to.
     */
    private static String href(DeadlineBreach b) {
      String number = b.caseReference();
      boolean incident =
          b.caseType().equals("SERIOUS_INCIDENT")
              || b.caseType().equals("SAFEGUARDING_ALERT") && number.startsWith("SI-");
      boolean complaint =
          b.caseType().equals("COMPLAINT")
              || b.caseType().equals("SAFEGUARDING_ALERT") && number.startsWith("CP-");
      if (incident) {
        return "/api/incidents/" + number;
      }
      if (b.caseType().equals("QAF")) {
        return "/api/qafs/" + number;
      }
      return complaint ? "/api/complaints/" + number : null;
    }
  }

  /**
   * One caught message; {@code anchor} links its row in the list to its text further down the page
   * (a number, never anything from the message).
   */
  record MailView(
      String anchor,
      String sent,
      String sentMachine,
      String from,
      String to,
      String subject,
      String text,
      List<String> attachments) {

    static List<MailView> of(List<CaughtMail> messages) {
      List<MailView> views = new ArrayList<>();
      for (int i = 0; i < messages.size(); i++) {
        CaughtMail m = messages.get(i);
        views.add(
            new MailView(
                "message-" + (i + 1),
                ReportFormat.time(m.sent()),
                ReportFormat.machineTime(m.sent()),
                String.join(", ", m.from()),
                m.to().isEmpty() ? ReportFormat.NONE : String.join(", ", m.to()),
                m.subject() == null || m.subject().isBlank() ? "(no subject)" : m.subject(),
                m.text(),
                m.attachments()));
      }
      return views;
    }
  }
}
