package uk.gov.council.commissioning.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static uk.gov.council.commissioning.testkit.InvalidRequests.assertRefusedWith;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.cases.CaseStarts.StartCheck;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * A refused start names its fields and creates nothing; a duplicate stays a duplicate, so the
 * caller can answer it as one.
 */
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

  private final DuplicateCaseException duplicate =
      new DuplicateCaseException("QAF", "meetingDate: already has QAF-2026-0001", "QAF-2026-0001");

  private void startQafAsOfficer(StartCheck check) {
    cases.start(
        "qaf-assessment", null, Map.of(), "officer", List.of("commissioning-officers"), check);
  }

  @Test
  void aDuplicateFoundByTheCheckStaysADuplicateAndStartsNothing() {
    assertThatThrownBy(
            () ->
                startQafAsOfficer(
                    (request, starter) -> {
                      throw duplicate;
                    }))
        .isSameAs(duplicate);
    verifyNoInteractions(runtime, identity);
  }

  @Test
  void aDuplicateFoundByTheProcessStaysADuplicateAndTheStarterIsSignedOut() {
    when(runtime.createProcessInstanceByKey("qaf-assessment")).thenThrow(duplicate);
    assertThatThrownBy(() -> startQafAsOfficer(StartCheck.NONE))
        .isSameAs(duplicate)
        .extracting(e -> ((DuplicateCaseException) e).existing())
        .isEqualTo("QAF-2026-0001");
    verify(identity).setAuthentication("officer", List.of("commissioning-officers"));
    verify(identity).clearAuthentication();
  }

  @Test
  void anyOtherRefusalByTheProcessIsAnInvalidRequest() {
    when(runtime.createProcessInstanceByKey("procurement"))
        .thenThrow(
            new TaskFormException(
                "The procurement request",
                List.of("replacesContractReference: already being procured")));
    assertThatThrownBy(
            () -> cases.start("procurement", null, Map.of(), "officer", List.of(), StartCheck.NONE))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.getErrors())
                    .containsExactly(
                        new FieldProblem("replacesContractReference", "already being procured")));
  }
}
