package uk.gov.council.commissioning.forms;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * A completed task form failed the server-side checks. The task stays open and Tasklist shows the
 * message, which names every field at fault.
 */
public class TaskFormException extends ProcessEngineException implements Refusal {

  private final String form;
  private final List<String> problems;

  public TaskFormException(String form, List<String> problems) {
    super(form + " cannot be completed: " + String.join("; ", problems));
    this.form = form;
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  @Override
  public String headline() {
    return form + " cannot be completed";
  }

  @Override
  public List<FieldProblem> fieldProblems() {
    return Refusal.split(problems);
  }
}
