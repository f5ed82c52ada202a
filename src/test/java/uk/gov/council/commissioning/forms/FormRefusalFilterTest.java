package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which engine API answers are a form's refusal, and the officer's words inside them. */
class FormRefusalFilterTest {

  private final FormRefusalFilter filter =
      new FormRefusalFilter(new ObjectMapper(), new FormLabels(new ObjectMapper()), null);

  @Test
  void aTaskListenersRefusalIsUnwrapped() {
    assertThat(filter.refusal(body("Cannot submit task form 6cc6: ENGINE-03051 There was an exception while invoking"
        + " the TaskListener. Message: 'uk.gov.council.commissioning.forms.TaskFormException: Prepare the"
        + " procurement case cannot be completed: estimatedValue: '850,00' is not an amount of money'")))
        .hasValue("Prepare the procurement case cannot be completed: estimatedValue: '850,00' is not an amount of money");
  }

  @Test
  void aStartFormsRefusalIsUnwrapped() {
    assertThat(filter.refusal(body("Cannot instantiate process definition procurement:1:d101d0cd: The procurement"
        + " request cannot be completed: serviceArea: is required")))
        .hasValue("The procurement request cannot be completed: serviceArea: is required");
  }

  @Test
  void anyOtherFailureIsLeftAlone() {
    assertThat(filter.refusal(body("Cannot submit task form 6cc6: ENGINE-03051 There was an exception while invoking"
        + " the TaskListener. Message: 'java.lang.NullPointerException'"))).isEmpty();
    assertThat(filter.refusal("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  private static byte[] body(String message) {
    return ("{\"type\":\"RestException\",\"message\":" + quote(message) + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    try {
      return new ObjectMapper().writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
