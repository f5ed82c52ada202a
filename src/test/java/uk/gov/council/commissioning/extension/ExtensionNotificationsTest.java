package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.escalation.Escalations;
import uk.gov.council.commissioning.extension.FakeScopes.Variables;
import uk.gov.council.commissioning.notify.NotificationService;
import uk.gov.council.commissioning.notify.RecipientDirectory;

/**
 * Who each escalation or outcome goes to, what it says, and the key that stops a retry sending it
 * twice.
 */
class ExtensionNotificationsTest {

  private final NotificationService outbox = mock(NotificationService.class);
  private final RecipientDirectory directory = mock(RecipientDirectory.class);
  private final CaseMail mail = new CaseMail(outbox);
  private final ExtensionNotifications notifications =
      new ExtensionNotifications(new Escalations(mail), mail, directory);

  private Variables vars;

  @BeforeEach
  void seedCase() {
    when(directory.emailsOfGroup("contracts-managers"))
        .thenReturn(List.of("manager@council.example"));
    when(directory.emailsOfGroup("chief-officers")).thenReturn(List.of("director@council.example"));
    when(directory.emailsOfGroup("commissioning-officers"))
        .thenReturn(List.of("officer@council.example", "officer2@council.example"));
    vars =
        Variables.of(
            Map.of(
                "contractReference", "DPSP-2017",
                "contractTitle", "Direct Payments Support and Payroll Service",
                "providerName", "Vibrance",
                "currentEndDate", "2020-04-07"));
  }

  static Stream<Arguments> escalations() {
    return Stream.of(
        arguments(
            "at risk: to the contracts managers, shown on their task",
            (Escalation) ExtensionNotifications::extensionAtRisk,
            "at-risk",
            List.of("manager@council.example"),
            "Extension undecided: DPSP-2017 ends 2020-04-07",
            List.of(
                "Direct Payments Support and Payroll Service (DPSP-2017) with Vibrance",
                "ends on 2020-04-07")),
        arguments(
            "lapsing: to the chief officers",
            (Escalation) ExtensionNotifications::contractLapsing,
            "lapsing",
            List.of("director@council.example"),
            "Contract lapsing: DPSP-2017",
            List.of("reaches its end date today (2020-04-07)", "lapses")));
  }

  /**
   * The message is local: it belongs to this escalation, and must not overwrite the other one in a
   * parallel branch.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("escalations")
  void anEscalationGoesToItsGroupAndIsKeptOnItsBranch(
      String escalation,
      Escalation send,
      String event,
      List<String> recipients,
      String subject,
      List<String> says) {
    send.to(notifications, FakeScopes.execution("case-7", vars));

    String body = sentBody("extension:case-7:" + event, recipients, subject);
    assertThat(body).contains(says);
    assertThat(vars.local).containsEntry("escalationMessage", body);
    assertThat(vars.process).doesNotContainKey("escalationMessage");
  }

  @Test
  void refusalGoesToTheCommissioningOfficersAndIsTheCaseOutcome() {
    notifications.extensionRefused(FakeScopes.execution("case-7", vars));

    String body =
        sentBody(
            "extension:case-7:refused",
            List.of("officer@council.example", "officer2@council.example"),
            "Extension refused: DPSP-2017");
    assertThat(body)
        .contains("was refused")
        .contains("start a procurement")
        .contains("decommissioning decision");
    assertThat(vars.process).containsEntry("outcome", body);
  }

  @Test
  void eachEventOfEachCaseHasItsOwnKeyAndARepeatUsesTheSameOne() {
    notifications.extensionAtRisk(FakeScopes.execution("case-7", vars));
    notifications.extensionAtRisk(FakeScopes.execution("case-7", vars));
    notifications.extensionAtRisk(FakeScopes.execution("case-8", vars));

    verify(outbox, org.mockito.Mockito.times(2))
        .send(eq("extension:case-7:at-risk"), argThat(r -> true), anyString(), anyString());
    verify(outbox)
        .send(eq("extension:case-8:at-risk"), argThat(r -> true), anyString(), anyString());
  }

  @Test
  void anEmptyGroupStillRecordsTheEscalationOnTheCase() {
    when(directory.emailsOfGroup("contracts-managers")).thenReturn(List.of());

    notifications.extensionAtRisk(FakeScopes.execution("case-9", vars));

    verify(outbox).send(eq("extension:case-9:at-risk"), eq(List.of()), anyString(), anyString());
    assertThat(vars.local).containsKey("escalationMessage");
    verify(outbox, never())
        .send(eq("extension:case-9:lapsing"), argThat(r -> true), anyString(), anyString());
  }

  /** Checks the one message sent under {@code key}, to whom and with what subject; its body. */
  private String sentBody(String key, List<String> recipients, String subject) {
    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(outbox).send(eq(key), eq(recipients), eq(subject), body.capture());
    return body.getValue();
  }

  /** One of the escalations, sent for an execution. */
  @FunctionalInterface
  interface Escalation {
    void to(ExtensionNotifications notifications, DelegateExecution execution);
  }
}
