package uk.gov.council.commissioning.procurement;

import java.util.List;
import java.util.stream.Collectors;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * An evaluation sheet that cannot be scored, with every problem found at once. It is an {@link
 * InvalidRequestException} so that over HTTP it is a 400 naming the form fields; each entry there
 * carries the line in its message ("line 3 (Acme Care): …").
 */
class EvaluationSheetException extends InvalidRequestException {

  private final List<SheetProblem> problems;

  public EvaluationSheetException(List<SheetProblem> problems) {
    super(problems.stream().map(p -> new FieldProblem(p.field(), p.messageInField())).toList());
    this.problems = List.copyOf(problems);
  }

  public List<SheetProblem> problems() {
    return problems;
  }

  /** One problem a line, for a form or a task comment. */
  public String describe() {
    return problems.stream().map(SheetProblem::toString).collect(Collectors.joining("\n"));
  }
}
