package uk.gov.council.commissioning.appraisals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.appraisals.AppraisalRegister.Appraisal;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.letters.LetterPdf;
import uk.gov.council.commissioning.notify.Attachment;
import uk.gov.council.commissioning.notify.RecipientDirectory;

/**
 * The published decision: an email and a decision notice (PDF) made only of the report's public
 * part, its options and the resolution. Nothing here reads the confidential annex.
 */
@Component
@RequiredArgsConstructor
class AppraisalNotices {

  private final CaseMail caseMail;
  private final RecipientDirectory recipients;
  private final AppraisalRegister register;

  /**
   * Tells the report's officer (or the commissioning officers) that the resolution is published.
   */
  void sendResolution(DelegateExecution execution, Appraisal a, AppraisalOption chosen) {
    Map<String, Object> values =
        Map.of(
            "reference", a.reference(),
            "title", a.title(),
            "publishedOn", String.valueOf(a.publishedOn()),
            "decisionMaker", a.decisionMakerNamed(),
            "decisionReference", a.decisionReference() == null ? "-" : a.decisionReference(),
            "optionNumber", chosen.number(),
            "optionDescription", chosen.description(),
            "resolution", a.resolution());
    caseMail.send(
        execution,
        "options-appraisal/resolution-published",
        recipients.officerOrCommissioningOfficers(a.createdBy()),
        values,
        new Attachment(
            "decision-notice-" + a.reference() + ".pdf", "application/pdf", decisionNotice(a)));
  }

  /** The decision notice: the public report, each option, and the resolution once made. */
  byte[] decisionNotice(Appraisal a) {
    List<String> p = new ArrayList<>();
    p.add("Decision notice " + a.reference());
    p.add(a.title());
    p.add("Report of " + a.reportOf() + ". Decision maker: " + a.decisionMakerNamed() + ".");
    p.add(a.publicSummary());
    for (AppraisalOption o : register.options(a.id())) {
      p.add(
          "Option "
              + o.number()
              + (o.recommended() ? " (recommended)" : " (not recommended)")
              + ": "
              + o.description());
      p.add("Opportunities: " + o.opportunities());
      p.add("Risks: " + o.risks());
      p.add("Reasons: " + o.reasons());
    }
    p.add(
        "A corresponding private report, which details confidential aspects of the proposals, was"
            + " considered with this report; it is not published.");
    if (a.resolution() != null) {
      p.add(
          "Decided on "
              + a.decisionDate()
              + (a.decisionReference() == null ? "" : " (" + a.decisionReference() + ")")
              + ", published on "
              + a.publishedOn()
              + ".");
      p.add("Resolved: " + a.resolution());
    }
    return LetterPdf.render(
        "Decision notice " + a.reference(), p, "the decision notice of " + a.reference());
  }
}
