package uk.gov.council.commissioning.extension;

import java.util.List;
import uk.gov.council.commissioning.forms.Refusal;
import uk.gov.council.commissioning.web.FieldProblem;

/** An extension case cannot be started for this contract; the message says why and what to do. */
class ExtensionRefusedException extends RuntimeException implements Refusal {
  public ExtensionRefusedException(String message) {
    super(message);
  }

  @Override
  public String headline() {
    return "The extension case cannot be started";
  }

  @Override
  public List<FieldProblem> fieldProblems() {
    return List.of(Refusal.split(getMessage()));
  }
}
