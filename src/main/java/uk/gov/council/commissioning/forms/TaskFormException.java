package uk.gov.council.commissioning.forms;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A completed task form failed the server-side checks. The task stays open and Tasklist shows the
 * message, which names every field at fault.
 */
public class TaskFormException extends ProcessEngineException {

  private final List<String> problems;

  public TaskFormException(String form, List<String> problems) {
    super(form + " cannot be completed: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
