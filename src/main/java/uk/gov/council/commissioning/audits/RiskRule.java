package uk.gov.council.commissioning.audits;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The Appendix 2 rule: the level of risk the criteria that apply to a clause give, from the
 * decision table {@code processes/compliance-audit-risk.dmn} (which a council changes without a
 * release).
 */
@Component
@RequiredArgsConstructor
class RiskRule {

  static final String DECISION = "compliance-audit-risk";

  private final DecisionService decisions;

  RiskLevel suggest(Collection<RiskCriterion> applying) {
    Map<String, Object> variables = new HashMap<>();
    for (RiskCriterion criterion : RiskCriterion.values()) {
      variables.put(criterion.variable(), applying.contains(criterion));
    }
    DmnDecisionResult result =
        decisions.evaluateDecisionByKey(DECISION).variables(variables).evaluate();
    Number rank = result.getSingleResult().getSingleEntry();
    return RiskLevel.ofRank(rank.intValue());
  }
}
