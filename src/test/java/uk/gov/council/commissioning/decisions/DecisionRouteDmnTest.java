package uk.gov.council.commissioning.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.council.commissioning.DmnTable;

/**
 * The decision-route table and its key-decision test on the plain DMN engine, with the council's
 * shipped limits (Chief Officer's limit £100,000, key-decision threshold £500,000): every seed case
 * and each boundary.
 */
class DecisionRouteDmnTest {

  private static final double CHIEF_OFFICER_LIMIT = 100_000;
  private static final double KEY_THRESHOLD = 500_000;

  private final DmnTable table = DmnTable.load("processes/decision-route.dmn", "decision-route");

  private DmnDecisionRuleResult route(
      String kind, double value, boolean byOfficer, boolean twoOrMoreWards) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("decisionKind", kind);
    variables.put("decisionValue", value);
    variables.put("keyDecisionByOfficer", byOfficer);
    variables.put("twoOrMoreWards", twoOrMoreWards);
    variables.put("chiefOfficerLimit", CHIEF_OFFICER_LIMIT);
    variables.put("keyDecisionThreshold", KEY_THRESHOLD);
    return table.evaluate(variables).getSingleResult();
  }

  /**
   * Seed 000 §10.2: the second 1-year option of the Vibrance contract at the council's assumed
   * extension value (one year at the 2017 price, £225,000; the front sheet leaves the cost empty).
   */
  @Test
  void
      seed000Section10_2TheVibranceExtensionIsAgreedByTheChiefOfficerAndGovernanceThenThePortfolioHolderApproves() {
    DmnDecisionRuleResult result = route("EXTENSION", 225_000, false, false);
    assertThat(result.<String>getEntry("agreement"))
        .isEqualTo("CHIEF_OFFICER,GOVERNANCE_CONTRACTS");
    assertThat(result.<String>getEntry("decisionMaker")).isEqualTo("PORTFOLIO_HOLDER");
    assertThat(result.<Boolean>getEntry("scrutiny")).isFalse();
    assertThat(result.<Boolean>getEntry("publication")).isFalse();
    assertThat(result.<Boolean>getEntry("callIn")).isFalse();
    assertThat(table.matchedRules()).containsExactly("Rule_ExtensionPortfolioHolder");
  }

  /**
   * Seed 000 §2.3, §6.4, §10.7 and the front sheet: the re-tender (five years and two 1-year
   * options at £225,000 a year, £1,575,000) is agreed by the three directors and decided by the
   * Executive as a key decision after PDS scrutiny.
   */
  @Test
  void seed000Section10_7TheVibranceReTenderIsAnExecutiveKeyDecisionAfterScrutiny() {
    DmnDecisionRuleResult result = route("PROCURE", 1_575_000, false, false);
    assertThat(result.<String>getEntry("agreement"))
        .isEqualTo("GOVERNANCE_CONTRACTS,CORPORATE_SERVICES,FINANCE");
    assertThat(result.<String>getEntry("decisionMaker")).isEqualTo("EXECUTIVE");
    assertThat(result.<Boolean>getEntry("scrutiny")).isTrue();
    assertThat(result.<Boolean>getEntry("publication")).isTrue();
    assertThat(result.<Boolean>getEntry("callIn")).isTrue();
    assertThat(table.matchedRules()).containsExactly("Rule_ProcureKeyDecision");
  }

  /**
   * Seed 003: Coventry's direct payment support options, decided by the Cabinet Member. The seed
   * gives the annual spend (approximately £250,000) and no value for the decision; at that value
   * the route is the seed's: not key, the Chief Officer agrees, the Portfolio Holder decides.
   */
  @Test
  void seed003TheCoventryOptionsAppraisalIsTheCabinetMembersDecisionAfterTheChiefOfficerAgrees() {
    DmnDecisionRuleResult result = route("OPTIONS_APPRAISAL", 250_000, false, false);
    assertThat(result.<String>getEntry("agreement")).isEqualTo("CHIEF_OFFICER");
    assertThat(result.<String>getEntry("decisionMaker")).isEqualTo("PORTFOLIO_HOLDER");
    assertThat(result.<Boolean>getEntry("scrutiny")).isFalse();
    assertThat(result.<Boolean>getEntry("callIn")).isFalse();
    assertThat(table.matchedRules()).containsExactly("Rule_OptionsAppraisalPortfolioHolder");
  }

  /**
   * Seed 000 §4.8: options appraisal 1 (extend, £225,000) goes to the Portfolio Holder; options
   * appraisal 2 (commence the tender, £1,575,000) is a key decision of the Executive after
   * scrutiny, published and open to call-in, as the front sheet says.
   */
  @Test
  void seed000Section4_8TheTwoOptionsAppraisalsFollowTheirValues() {
    route("OPTIONS_APPRAISAL", 225_000, false, false);
    assertThat(table.matchedRules()).containsExactly("Rule_OptionsAppraisalPortfolioHolder");
    DmnDecisionRuleResult tender = route("OPTIONS_APPRAISAL", 1_575_000, false, false);
    assertThat(tender.<String>getEntry("decisionMaker")).isEqualTo("EXECUTIVE");
    assertThat(tender.<Boolean>getEntry("scrutiny")).isTrue();
    assertThat(tender.<Boolean>getEntry("publication")).isTrue();
    assertThat(tender.<Boolean>getEntry("callIn")).isTrue();
    assertThat(table.matchedRules()).containsExactly("Rule_OptionsAppraisalKeyDecision");
  }

  @ParameterizedTest(name = "{0} £{1} officer {2} wards {3} -> {4} after {5} ({6})")
  @CsvSource({
    // Extensions and variations: each rule at its edges.
    "EXTENSION,         0,         false, false, CHIEF_OFFICER,    GOVERNANCE_CONTRACTS,                            Rule_ExtensionChiefOfficer",
    "EXTENSION,         99999.99,  false, false, CHIEF_OFFICER,    GOVERNANCE_CONTRACTS,                            Rule_ExtensionChiefOfficer",
    "EXTENSION,         100000,    false, false, PORTFOLIO_HOLDER, 'CHIEF_OFFICER,GOVERNANCE_CONTRACTS',            Rule_ExtensionPortfolioHolder",
    "EXTENSION,         499999.99, false, false, PORTFOLIO_HOLDER, 'CHIEF_OFFICER,GOVERNANCE_CONTRACTS',            Rule_ExtensionPortfolioHolder",
    "EXTENSION,         500000,    false, false, EXECUTIVE,        'CHIEF_OFFICER,GOVERNANCE_CONTRACTS',            Rule_ExtensionKeyDecision",
    "EXTENSION,         50000,     true,  false, EXECUTIVE,        'CHIEF_OFFICER,GOVERNANCE_CONTRACTS',            Rule_ExtensionKeyDecision",
    "EXTENSION,         50000,     false, true,  EXECUTIVE,        'CHIEF_OFFICER,GOVERNANCE_CONTRACTS',            Rule_ExtensionKeyDecision",
    "VARIATION,         99999.99,  false, false, CHIEF_OFFICER,    GOVERNANCE_CONTRACTS,                            Rule_ExtensionChiefOfficer",
    "VARIATION,         100000,    false, false, PORTFOLIO_HOLDER, 'CHIEF_OFFICER,GOVERNANCE_CONTRACTS',            Rule_ExtensionPortfolioHolder",
    "VARIATION,         500000,    false, false, EXECUTIVE,        'CHIEF_OFFICER,GOVERNANCE_CONTRACTS',            Rule_ExtensionKeyDecision",
    // Approval to procure: the three directors only from the Chief Officer's limit up.
    "PROCURE,           99999.99,  false, false, CHIEF_OFFICER,    GOVERNANCE_CONTRACTS,                            Rule_ProcureChiefOfficer",
    "PROCURE,           100000,    false, false, PORTFOLIO_HOLDER, 'GOVERNANCE_CONTRACTS,CORPORATE_SERVICES,FINANCE', Rule_ProcurePortfolioHolder",
    "PROCURE,           499999.99, false, false, PORTFOLIO_HOLDER, 'GOVERNANCE_CONTRACTS,CORPORATE_SERVICES,FINANCE', Rule_ProcurePortfolioHolder",
    "PROCURE,           500000,    false, false, EXECUTIVE,        'GOVERNANCE_CONTRACTS,CORPORATE_SERVICES,FINANCE', Rule_ProcureKeyDecision",
    "PROCURE,           20000,     false, true,  EXECUTIVE,        'GOVERNANCE_CONTRACTS,CORPORATE_SERVICES,FINANCE', Rule_ProcureKeyDecision",
    // Award and options appraisal.
    "AWARD,             99999.99,  false, false, CHIEF_OFFICER,    '',                                              Rule_AwardChiefOfficer",
    "AWARD,             100000,    false, false, PORTFOLIO_HOLDER, '',                                              Rule_AwardPortfolioHolder",
    "AWARD,             500000,    false, false, EXECUTIVE,        '',                                              Rule_AwardKeyDecision",
    "OPTIONS_APPRAISAL, 99999.99,  false, false, CHIEF_OFFICER,    '',                                              Rule_OptionsAppraisalChiefOfficer",
    "OPTIONS_APPRAISAL, 100000,    false, false, PORTFOLIO_HOLDER, CHIEF_OFFICER,                                   Rule_OptionsAppraisalPortfolioHolder",
    "OPTIONS_APPRAISAL, 500000,    false, false, EXECUTIVE,        CHIEF_OFFICER,                                   Rule_OptionsAppraisalKeyDecision",
    "OPTIONS_APPRAISAL, 1000,      true,  false, EXECUTIVE,        CHIEF_OFFICER,                                   Rule_OptionsAppraisalKeyDecision",
  })
  void eachRuleAtItsBoundaries(
      String kind,
      double value,
      boolean byOfficer,
      boolean twoOrMoreWards,
      String decisionMaker,
      String agreement,
      String rule) {
    DmnDecisionRuleResult result = route(kind, value, byOfficer, twoOrMoreWards);
    assertThat(result.<String>getEntry("decisionMaker")).isEqualTo(decisionMaker);
    assertThat(result.<String>getEntry("agreement")).isEqualTo(agreement == null ? "" : agreement);
    assertThat(table.matchedRules()).contains(rule);
    boolean key = decisionMaker.equals("EXECUTIVE");
    assertThat(result.<Boolean>getEntry("publication")).isEqualTo(key);
    assertThat(result.<Boolean>getEntry("callIn")).isEqualTo(key);
  }

  /**
   * Scrutiny is asked of key decisions only (never of one the Chief Officer or a Member takes
   * alone).
   */
  @Test
  void scrutinyOnlyForKeyDecisions() {
    for (String kind : new String[] {"EXTENSION", "VARIATION", "PROCURE", "OPTIONS_APPRAISAL"}) {
      assertThat(route(kind, 499_999.99, false, false).<Boolean>getEntry("scrutiny"))
          .as(kind)
          .isFalse();
      assertThat(route(kind, 500_000, false, false).<Boolean>getEntry("scrutiny"))
          .as(kind)
          .isTrue();
    }
    // An award follows an approval to procure that was scrutinised already.
    assertThat(route("AWARD", 500_000, false, false).<Boolean>getEntry("scrutiny")).isFalse();
  }

  /** The Chief Officer never both agrees and decides. */
  @Test
  void theChiefOfficerDoesNotAgreeAndThenDecide() {
    for (String kind :
        new String[] {"EXTENSION", "VARIATION", "PROCURE", "AWARD", "OPTIONS_APPRAISAL"}) {
      for (double value : new double[] {0, 99_999.99, 100_000, 500_000}) {
        DmnDecisionRuleResult result = route(kind, value, false, false);
        if ("CHIEF_OFFICER".equals(result.getEntry("decisionMaker"))) {
          assertThat(result.<String>getEntry("agreement")).doesNotContain("CHIEF_OFFICER");
        }
      }
    }
  }

  /** The key-decision test, each way a decision becomes key. */
  @Test
  void keyDecisionTest() {
    DmnTable keyTest = DmnTable.load("processes/decision-route.dmn", "key-decision-test");
    Map<String, Object> variables = new HashMap<>();
    variables.put("keyDecisionThreshold", KEY_THRESHOLD);
    variables.put("keyDecisionByOfficer", false);
    variables.put("twoOrMoreWards", false);
    variables.put("decisionValue", 499_999.99);
    assertThat(keyTest.evaluate(variables).getSingleResult().<Boolean>getEntry("keyDecision"))
        .isFalse();
    variables.put("decisionValue", 500_000.0);
    assertThat(keyTest.evaluate(variables).getSingleResult().<String>getEntry("keyDecisionBasis"))
        .isEqualTo("VALUE");
    variables.put("decisionValue", 0.0);
    variables.put("twoOrMoreWards", true);
    assertThat(keyTest.evaluate(variables).getSingleResult().<String>getEntry("keyDecisionBasis"))
        .isEqualTo("WARDS");
    variables.put("keyDecisionByOfficer", true);
    assertThat(keyTest.evaluate(variables).getSingleResult().<String>getEntry("keyDecisionBasis"))
        .isEqualTo("OFFICER");
  }
}
