package uk.gov.council.commissioning.cases;

import java.util.Set;

/**
 * Process variables that only copy, for a form or a task list column, what the register or the case
 * already holds (a contract's title, a due time as text, the email an escalation sent). Their
 * history keeps each one's value ({@code ACT_HI_VARINST}) but not a row for every change ({@code
 * ACT_HI_DETAIL}): the change is in the register or the outbox, and a copy written on every start
 * and escalation would otherwise cost a history row each time. A capability declares its copies as
 * a bean; {@link CopiedVariableHistory} reads them when the engine starts.
 *
 * <p>Never declare a variable a user enters or a step decides on: who set what, when, is answered
 * from those rows.
 *
 * @param processKey the process definition whose variables these are; null for every process
 * @param names the variables' names
 */
public record CopiedVariables(String processKey, Set<String> names) {

  public CopiedVariables {
    names = Set.copyOf(names);
  }

  /** Copies in one process. */
  public static CopiedVariables of(String processKey, String... names) {
    return new CopiedVariables(processKey, Set.of(names));
  }

  /** Copies that are copies in every process. */
  public static CopiedVariables everywhere(String... names) {
    return new CopiedVariables(null, Set.of(names));
  }
}
