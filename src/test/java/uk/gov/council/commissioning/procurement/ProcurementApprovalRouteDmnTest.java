package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.council.commissioning.testkit.ApprovalRouteTable;

/**
 * The procurement approval-route table on its own, with the plain DMN engine: each rule at its
 * thresholds, and the seed's tender (seed 000 §2.3, §6.4: an Executive key decision).
 */
class ProcurementApprovalRouteDmnTest {

  private static final ApprovalRouteTable table =
      ApprovalRouteTable.load(
          "processes/procurement-approval-route.dmn",
          "procurement-approval-route",
          "approvalValue");

  @ParameterizedTest(name = "£{0}, key decision {1} -> {2} ({3})")
  @CsvSource({
    "0,          false, CHIEF_OFFICER,    Rule_ChiefOfficer",
    "99999.99,   false, CHIEF_OFFICER,    Rule_ChiefOfficer",
    "100000,     false, PORTFOLIO_HOLDER, Rule_PortfolioHolder",
    "999999.99,  false, PORTFOLIO_HOLDER, Rule_PortfolioHolder",
    "1000000,    false, EXECUTIVE,        Rule_ExecutiveByValue",
    "5000000,    false, EXECUTIVE,        Rule_ExecutiveByValue",
    "0,          true,  EXECUTIVE,        Rule_ExecutiveKeyDecision",
    "450000,     true,  EXECUTIVE,        Rule_ExecutiveKeyDecision",
    "5000000,    true,  EXECUTIVE,        Rule_ExecutiveKeyDecision",
  })
  void eachRuleAndEachThreshold(double value, boolean keyDecision, String route, String rule) {
    table.assertRoute(value, keyDecision, route, rule);
  }

  /** Seed 000 §2.3, §6.4: "Executive are recommended to approve" the tender, a key decision. */
  @Test
  void seed000TheTenderGoesToTheExecutive() {
    assertThat(table.route(2_100_000, true)).isEqualTo("EXECUTIVE");
  }

  @Test
  void everyValueHasExactlyOneRoute() {
    List<Double> values = new ArrayList<>();
    for (double value = 0; value <= 3_000_000; value += 7_777.77) {
      values.add(value);
    }
    table.assertOneRouteForEach(values);
  }
}
