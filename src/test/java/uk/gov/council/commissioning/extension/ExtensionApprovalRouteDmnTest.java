package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.council.commissioning.testkit.ApprovalRouteTable;

/**
 * The approval-route table on its own, with the plain DMN engine (no process engine, no Spring):
 * each rule, each threshold, and the seed's own contract (seed 000 §10.2).
 */
class ExtensionApprovalRouteDmnTest {

  private static final ApprovalRouteTable table =
      ApprovalRouteTable.load(
          "processes/extension-approval-route.dmn", "extension-approval-route", "wholeLifeValue");

  @ParameterizedTest(name = "£{0}, key decision {1} -> {2} ({3})")
  @CsvSource({
    // Each rule, at its extremes and in its middle.
    "0,          false, CHIEF_OFFICER,    Rule_ChiefOfficerAlone",
    "60000,      false, CHIEF_OFFICER,    Rule_ChiefOfficerAlone",
    "99999.99,   false, CHIEF_OFFICER,    Rule_ChiefOfficerAlone",
    "0,          true,  PORTFOLIO_HOLDER, Rule_SmallKeyDecision",
    "99999.99,   true,  PORTFOLIO_HOLDER, Rule_SmallKeyDecision",
    "100000,     false, PORTFOLIO_HOLDER, Rule_PortfolioHolder",
    "100000,     true,  PORTFOLIO_HOLDER, Rule_PortfolioHolder",
    "450000,     false, PORTFOLIO_HOLDER, Rule_PortfolioHolder",
    "999999.99,  false, PORTFOLIO_HOLDER, Rule_PortfolioHolder",
    "999999.99,  true,  PORTFOLIO_HOLDER, Rule_PortfolioHolder",
    "1000000,    false, EXECUTIVE,        Rule_Executive",
    "1000000,    true,  EXECUTIVE,        Rule_Executive",
    "3200000,    true,  EXECUTIVE,        Rule_Executive",
  })
  void eachRuleAndEachThreshold(
      double wholeLifeValue, boolean keyDecision, String route, String rule) {
    table.assertRoute(wholeLifeValue, keyDecision, route, rule);
  }

  @Test
  void keyDecisionOnlyMattersBelowOneHundredThousand() {
    assertThat(table.route(50000, false)).isEqualTo("CHIEF_OFFICER");
    assertThat(table.route(50000, true)).isEqualTo("PORTFOLIO_HOLDER");
    assertThat(table.route(500000, false)).isEqualTo(table.route(500000, true));
    assertThat(table.route(5000000, false)).isEqualTo(table.route(5000000, true));
  }

  /**
   * Seed 000 §10.2: "For an extension this value, the Approval of the Portfolio Holder ... must be
   * obtained."
   */
  @Test
  void seed000Section10_2TheSeedContractGoesToThePortfolioHolder() {
    table.assertRoute(900000.00, true, "PORTFOLIO_HOLDER", "Rule_PortfolioHolder");
  }

  @Test
  void theUniqueHitPolicyNeverSeesTwoMatchesAndNoValueIsLeftWithoutARoute() {
    List<Double> values =
        new ArrayList<>(
            List.of(
                0.0,
                0.01,
                99999.98,
                99999.99,
                99999.999,
                100000.0,
                100000.01,
                999999.98,
                999999.99,
                999999.999,
                1000000.0,
                1000000.01,
                1e8,
                1e12));
    for (double v = 0; v <= 2_000_000; v += 12_345.67) {
      values.add(v);
    }
    table.assertOneRouteForEach(values);
  }

  /**
   * Below the threshold the table needs to know whether it is a key decision: with none given no
   * rule matches and the process would have no route. GatewayReportValidator therefore always
   * records it.
   */
  @Test
  void belowOneHundredThousandAMissingKeyDecisionMatchesNoRule() {
    assertThat(table.evaluate(60000.0, null).isEmpty()).isTrue();
    assertThat(table.matchedRules()).isEmpty();
  }
}
