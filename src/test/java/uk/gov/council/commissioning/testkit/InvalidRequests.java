package uk.gov.council.commissioning.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/** What a test of a service's input checks asks: which fields a refused request was refused for. */
public final class InvalidRequests {

  private InvalidRequests() {}

  /** The call is refused as an invalid request naming these fields and no others, in any order. */
  public static void assertRefusedNaming(ThrowingCallable call, String... fields) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.getErrors())
                    .extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder(fields));
  }

  /** The call is refused as an invalid request with exactly these problems, in this order. */
  public static void assertRefusedWith(ThrowingCallable call, FieldProblem... problems) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getErrors()).containsExactly(problems));
  }
}
