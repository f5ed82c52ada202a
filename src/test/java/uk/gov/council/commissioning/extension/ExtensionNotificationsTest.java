package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

  @Test
  void atRiskGoesToTheContractsManagersAndIsShownOnTheirTask() {
    notifications.extensionAtRisk(FakeScopes.execution("case-7", vars));

    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(outbox)
        .send(
            eq("extension:case-7:at-risk"),
            eq(List.of("manager@council.example")),
            eq("Extension undecided: DPSP-2017 ends 2020-04-07"),
            body.capture());
    assertThat(body.getValue())
        .contains("Direct Payments Support and Payroll Service (DPSP-2017) with Vibrance")
        .contains("ends on 2020-04-07");
    // Local: the message belongs to this escalation, and must not overwrite the lapsing one in a
    // parallel branch.
    assertThat(vars.local).containsEntry("escalationMessage", body.getValue());
    assertThat(vars.process).doesNotContainKey("escalationMessage");
  }

  @Test
  void lapsingGoesToTheChiefOfficers() {
    notifications.contractLapsing(FakeScopes.execution("case-7", vars));

    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(outbox)
        .send(
            eq("extension:case-7:lapsing"),
            eq(List.of("director@council.example")),
            eq("Contract lapsing: DPSP-2017"),
            body.capture());
    assertThat(body.getValue())
        .contains("reaches its end date today (2020-04-07)")
        .contains("lapses");
    assertThat(vars.local).containsEntry("escalationMessage", body.getValue());
    assertThat(vars.process).doesNotContainKey("escalationMessage");
  }

  @Test
  void refusalGoesToTheCommissioningOfficersAndIsTheCaseOutcome() {
    notifications.extensionRefused(FakeScopes.execution("case-7", vars));

    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(outbox)
        .send(
            eq("extension:case-7:refused"),
            eq(List.of("officer@council.example", "officer2@council.example")),
            eq("Extension refused: DPSP-2017"),
            body.capture());
    assertThat(body.getValue())
        .contains("was refused")
        .contains("start a procurement")
        .contains("decommissioning decision");
    assertThat(vars.process).containsEntry("outcome", body.getValue());
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
}
