package uk.gov.council.commissioning.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import uk.gov.council.commissioning.forms.TaskFormException;

/** What a form check called without an engine refused, for unit tests of the checks. */
public final class FormRefusals {

  private FormRefusals() {}

  /** The problems (field: message) the check refused with; fails if it accepted the values. */
  public static List<String> problemsOf(ThrowingCallable check) {
    TaskFormException refused = catchThrowableOfType(TaskFormException.class, check);
    assertThat(refused).as("refused").isNotNull();
    return refused.problems();
  }
}
