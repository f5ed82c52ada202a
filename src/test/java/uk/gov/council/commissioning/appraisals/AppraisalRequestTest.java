package uk.gov.council.commissioning.appraisals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * A decision report's own rules: the seed's three reports (seed 003; seed 000 §4.8, options
 * appraisals 1 and 2) are accepted as written, and each bad field is named.
 */
class AppraisalRequestTest {

  private static AppraisalRequest.Option option(String what, boolean recommended, String effect) {
    return new AppraisalRequest.Option(
        what, "opportunities of " + what, "risks of " + what, recommended, "because", effect);
  }

  private static AppraisalRequest bromley(
      String title, BigDecimal value, List<AppraisalRequest.Option> options) {
    return new AppraisalRequest(
        title,
        "Direct Payments Support and Payroll Service",
        "Director of Adult Social Care",
        "Portfolio Holder for Adult Care and Health",
        "Seed 000 §4.8",
        "Confidential pricing",
        List.of(Roles.COMMISSIONING_OFFICERS, Roles.PORTFOLIO_HOLDERS),
        value,
        12,
        "DPSP-2017",
        false,
        null,
        false,
        options);
  }

  @Test
  void theCoventryReportOfSeed003IsAccepted() {
    AppraisalRequest coventry = CoventryAppraisal.report();
    assertThat(coventry.problems()).isEmpty();
    assertThat(coventry.optionsNumbered())
        .extracting(AppraisalOption::number, AppraisalOption::recommended, AppraisalOption::effect)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, true, AppraisalOption.Effect.PROCURE),
            org.assertj.core.groups.Tuple.tuple(2, false, AppraisalOption.Effect.PROCURE),
            org.assertj.core.groups.Tuple.tuple(3, false, AppraisalOption.Effect.OTHER));
  }

  @Test
  void bothOptionsAppraisalsOfSeed000Section4_8HaveTheSameShape() {
    AppraisalRequest extension =
        bromley(
            "Options appraisal 1: extension",
            new BigDecimal("225000"),
            List.of(
                option("Extend for the permissible 1 year (4.8.2)", true, "EXTEND"),
                option("Tender as is (4.8.4)", false, "PROCURE"),
                option("Decommission the service (4.8.6)", false, "OTHER")));
    AppraisalRequest tender =
        bromley(
            "Options appraisal 2: commence open tender",
            new BigDecimal("1575000"),
            List.of(
                option("Commence tender (4.8.9)", true, "PROCURE"),
                option("Bring the service in-house (4.8.96)", false, "OTHER"),
                option("Decommission the service (4.8.98)", false, "OTHER")));
    assertThat(extension.problems()).isEmpty();
    assertThat(tender.problems()).isEmpty();
  }

  @Test
  void eachBadFieldIsNamed() {
    AppraisalRequest bad =
        new AppraisalRequest(
            " ",
            "x".repeat(201),
            "Officer",
            "Cabinet Member",
            "Public",
            null,
            List.of(),
            new BigDecimal("10.001"),
            0,
            null,
            true,
            null,
            false,
            List.of(
                option("One", false, "PROCURE"),
                new AppraisalRequest.Option("", "o", "r", null, "why", "SOMETHING")));
    assertThat(bad.problems())
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder(
            "title",
            "serviceArea",
            "confidentialAnnex",
            "annexRoles",
            "decisionValue",
            "contractTermMonths",
            "keyDecisionReason",
            "options[1].description",
            "options[1].recommended",
            "options[1].effect",
            "options");
  }

  @Test
  void aReportNeedsAtLeastTwoOptions() {
    AppraisalRequest seed = CoventryAppraisal.report();
    AppraisalRequest one =
        new AppraisalRequest(
            seed.title(),
            seed.serviceArea(),
            seed.reportOf(),
            seed.decisionMaker(),
            seed.publicSummary(),
            seed.confidentialAnnex(),
            seed.annexRoles(),
            seed.decisionValue(),
            null,
            null,
            false,
            null,
            false,
            List.of(seed.options().get(0)));
    assertThat(one.problems())
        .extracting(FieldProblem::message)
        .containsExactly("set out at least two options");
  }
}
