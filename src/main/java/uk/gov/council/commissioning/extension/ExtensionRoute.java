package uk.gov.council.commissioning.extension;

import static uk.gov.council.commissioning.extension.ExtensionVariables.*;

import java.math.BigDecimal;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.decisions.DecisionProperties.ExtensionValueBasis;
import uk.gov.council.commissioning.decisions.DecisionRoutes;

/**
 * The extension's inputs to the decision-route table and what the key-decision sub-process shows.
 * Seed 000 §10.2 "for an extension this value": by default the value of the extension (the gateway
 * report's cost of the proposal, as its check recorded it), else the contract's whole-life value
 * (configuration {@code commissioning.decisions.extension-value-basis}).
 */
@Component("extensionRoute")
@RequiredArgsConstructor
public class ExtensionRoute {

  private final DecisionRoutes routes;

  public void inputs(DelegateExecution execution) {
    routes.inputs(
        execution,
        "EXTENSION",
        value(execution),
        Boolean.TRUE.equals(execution.getVariable(KEY_DECISION_BY_OFFICER)),
        Boolean.TRUE.equals(execution.getVariable(TWO_OR_MORE_WARDS)));
  }

  BigDecimal value(DelegateExecution execution) {
    Object value =
        routes.properties().extensionValueBasis() == ExtensionValueBasis.WHOLE_LIFE
            ? execution.getVariable(WHOLE_LIFE_VALUE)
            : execution.getVariable(EXTENSION_VALUE);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("The extension's value was not recorded by its report check");
    }
    return new BigDecimal(number.toString());
  }

  public String subject(DelegateExecution execution) {
    return "Extension of "
        + execution.getVariable(CONTRACT_TITLE)
        + " ("
        + execution.getVariable(CONTRACT_REFERENCE)
        + ") with "
        + execution.getVariable(PROVIDER_NAME);
  }

  public String summary(DelegateExecution execution) {
    return "Option "
        + execution.getVariable(OPTION_ORDER)
        + ": "
        + execution.getVariable(EXTENSION_START)
        + " to "
        + execution.getVariable(EXTENSION_END)
        + ". Value of the extension "
        + String.format(Locale.UK, "£%,.0f", value(execution))
        + "; whole-life value "
        + execution.getVariable("wholeLifeValueText")
        + ".";
  }
}
