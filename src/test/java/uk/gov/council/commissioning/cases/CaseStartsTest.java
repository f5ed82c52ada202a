package uk.gov.council.commissioning.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static uk.gov.council.commissioning.testkit.InvalidRequests.assertRefusedWith;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/** A refused start names its fields and creates nothing. */
class CaseStartsTest {

  private final RuntimeService runtime = mock(RuntimeService.class);
  private final IdentityService identity = mock(IdentityService.class);
  private final CaseStarts cases = new CaseStarts(runtime, identity);

  @Test
  void aRefusedCheckStartsNothingAndNamesEachField() {
    assertRefusedWith(
        () ->
            cases.start(
                "complaint",
                null,
                Map.of("receivedAt", "tomorrow"),
                "officer",
                List.of("commissioning-officers"),
                (request, starter) -> {
                  throw new TaskFormException(
                      "Record a complaint",
                      List.of("receivedAt: cannot be in the future", "something odd"));
                }),
        new FieldProblem("receivedAt", "cannot be in the future"),
        new FieldProblem("body", "something odd"));
    verifyNoInteractions(runtime, identity);
  }

  @Test
  void theCheckSeesTheRequestAndWhoAsks() {
    Object[] seen = new Object[2];
    assertThatThrownBy(
            () ->
                cases.start(
                    "complaint",
                    null,
                    Map.of("summary", "late visits"),
                    "val",
                    List.of("providers", "provider-vibrance"),
                    (request, starter) -> {
                      seen[0] = request.getVariable("summary");
                      seen[1] = starter;
                      throw new TaskFormException("Record a complaint", List.of("x: y"));
                    }))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(seen[0]).isEqualTo("late visits");
    assertThat(((uk.gov.council.commissioning.security.Actor) seen[1]).provider()).isTrue();
  }
}
