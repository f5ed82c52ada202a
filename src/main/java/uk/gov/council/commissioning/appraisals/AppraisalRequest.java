package uk.gov.council.commissioning.appraisals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * A decision report as the officer submits it (seed 003; seed 000 §4.8): the public part, the
 * options, the confidential annex and the council groups the report names as its readers.
 *
 * @param decisionMaker the decision maker as the report names them ("Cabinet Member for Adult
 *     Services"); who records the decision comes from the decision-route table
 * @param decisionValue the value the council's rules use for this decision (pounds)
 * @param contractReference the current contract, where there is one (required to extend)
 */
public record AppraisalRequest(
    String title,
    String serviceArea,
    String reportOf,
    String decisionMaker,
    String publicSummary,
    String confidentialAnnex,
    List<String> annexRoles,
    BigDecimal decisionValue,
    Integer contractTermMonths,
    String contractReference,
    Boolean keyDecisionByOfficer,
    String keyDecisionReason,
    Boolean twoOrMoreWards,
    List<Option> options) {

  static final int MAX_OPTIONS = 10;
  static final int MAX_SUMMARY = 20000;
  static final int MAX_ANNEX = 50000;

  /** One option as submitted; numbered in the order given. */
  public record Option(
      String description,
      String opportunities,
      String risks,
      Boolean recommended,
      String reasons,
      String effect) {}

  /** The options numbered from 1 in the order given (call after {@link #problems}). */
  List<AppraisalOption> optionsNumbered() {
    List<AppraisalOption> numbered = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      Option o = options.get(i);
      numbered.add(
          new AppraisalOption(
              i + 1,
              o.description(),
              o.opportunities(),
              o.risks(),
              Boolean.TRUE.equals(o.recommended()),
              o.reasons(),
              AppraisalOption.Effect.valueOf(o.effect())));
    }
    return numbered;
  }

  /** The request's own problems, each naming its field; the register's are checked elsewhere. */
  List<FieldProblem> problems() {
    List<FieldProblem> p = new ArrayList<>();
    text(p, "title", title, 300);
    text(p, "serviceArea", serviceArea, 200);
    text(p, "reportOf", reportOf, 200);
    text(p, "decisionMaker", decisionMaker, 200);
    text(p, "publicSummary", publicSummary, MAX_SUMMARY);
    text(p, "confidentialAnnex", confidentialAnnex, MAX_ANNEX);
    if (annexRoles == null || annexRoles.isEmpty()) {
      p.add(
          new FieldProblem("annexRoles", "name at least one council team who may read the annex"));
    }
    if (decisionValue == null) {
      p.add(new FieldProblem("decisionValue", "is required"));
    } else if (decisionValue.signum() < 0) {
      p.add(new FieldProblem("decisionValue", "must not be negative"));
    } else if (decisionValue.scale() > 2 || decisionValue.compareTo(new BigDecimal("1e12")) >= 0) {
      p.add(new FieldProblem("decisionValue", "must be an amount in pounds and pence"));
    }
    if (contractTermMonths != null && (contractTermMonths < 1 || contractTermMonths > 240)) {
      p.add(new FieldProblem("contractTermMonths", "must be between 1 and 240 months"));
    }
    if (contractReference != null && contractReference.length() > 40) {
      p.add(new FieldProblem("contractReference", "must be at most 40 characters"));
    }
    if (Boolean.TRUE.equals(keyDecisionByOfficer)) {
      text(p, "keyDecisionReason", keyDecisionReason, 1000);
    } else if (keyDecisionReason != null && keyDecisionReason.length() > 1000) {
      p.add(new FieldProblem("keyDecisionReason", "must be at most 1000 characters"));
    }
    if (options == null || options.size() < 2) {
      p.add(new FieldProblem("options", "set out at least two options"));
      return p;
    }
    if (options.size() > MAX_OPTIONS) {
      p.add(new FieldProblem("options", "at most " + MAX_OPTIONS + " options"));
      return p;
    }
    long recommended = 0;
    for (int i = 0; i < options.size(); i++) {
      Option o = options.get(i);
      String at = "options[" + i + "].";
      if (o == null) {
        p.add(new FieldProblem("options[" + i + "]", "is empty"));
        continue;
      }
      text(p, at + "description", o.description(), 2000);
      text(p, at + "opportunities", o.opportunities(), 4000);
      text(p, at + "risks", o.risks(), 4000);
      text(p, at + "reasons", o.reasons(), 4000);
      if (o.recommended() == null) {
        p.add(new FieldProblem(at + "recommended", "say whether the report recommends it"));
      } else if (o.recommended()) {
        recommended++;
      }
      if (o.effect() == null
          || java.util.Arrays.stream(AppraisalOption.Effect.values())
              .noneMatch(e -> e.name().equals(o.effect()))) {
        p.add(new FieldProblem(at + "effect", "must be one of PROCURE, EXTEND, OTHER"));
      }
    }
    if (recommended != 1) {
      p.add(
          new FieldProblem(
              "options", "exactly one option must be recommended (the preferred option)"));
    }
    return p;
  }

  private static void text(List<FieldProblem> p, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      p.add(new FieldProblem(field, "is required"));
    } else if (value.length() > max) {
      p.add(new FieldProblem(field, "must be at most " + max + " characters"));
    }
  }
}
