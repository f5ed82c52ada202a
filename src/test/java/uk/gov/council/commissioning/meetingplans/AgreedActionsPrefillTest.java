package uk.gov.council.commissioning.meetingplans;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.escalation.Escalations;
import uk.gov.council.commissioning.meetingplans.AgreedActions.AgreedAction;
import uk.gov.council.commissioning.meetingplans.MeetingPlanRegister.PlanRow;
import uk.gov.council.commissioning.notify.RecipientDirectory;

/**
 * The provider's first version of the plan opens with the actions the minutes noted (§3.5), when
 * something provides {@link AgreedActions}; without it, with an empty plan.
 */
class AgreedActionsPrefillTest {

  private static final MeetingFacts MEETING =
      new MeetingFacts(7, LocalDate.of(2031, 3, 3), "C-7", "Home care", 3, "Alpha", "provider-a");

  @Test
  void theActionsAgreedAtTheMeetingOpenTheProvidersForm() {
    AgreedActions minutes =
        meetingId ->
            meetingId == 7
                ? List.of(
                    new AgreedAction(
                        "Registered manager", "Train staff", LocalDate.of(2031, 6, 30)))
                : List.of();
    DelegateTask task = writeTask();

    steps(minutes).showPlan(task);

    verify(task).setVariableLocal("planActions", "Train staff | Registered manager | 2031-06-30");
  }

  @Test
  void withoutMinutesThePlanOpensEmpty() {
    DelegateTask task = writeTask();

    steps(null).showPlan(task);

    verify(task).setVariableLocal("planActions", "");
  }

  private static MeetingPlanSteps steps(AgreedActions minutes) {
    MeetingPlanRegister register = mock(MeetingPlanRegister.class);
    when(register.plan("MIP-7"))
        .thenReturn(Optional.of(new PlanRow(1, MEETING, "MIP-7", "DRAFTING", 0, null, null, null)));
    when(register.actions(1)).thenReturn(List.of());
    @SuppressWarnings("unchecked")
    ObjectProvider<AgreedActions> provider = mock(ObjectProvider.class);
    when(provider.getIfAvailable()).thenReturn(minutes);
    return new MeetingPlanSteps(
        register,
        new MeetingPlanProperties(20, 10, 10, 5),
        provider,
        mock(Deadlines.class),
        mock(CaseMail.class),
        mock(Escalations.class),
        mock(RecipientDirectory.class),
        Clock.systemUTC());
  }

  private static DelegateTask writeTask() {
    DelegateTask task = mock(DelegateTask.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    DelegateExecution instance = mock(DelegateExecution.class);
    when(task.getExecution()).thenReturn(execution);
    when(task.getTaskDefinitionKey()).thenReturn("Task_WritePlan");
    when(execution.getProcessBusinessKey()).thenReturn("MIP-7");
    when(execution.getProcessInstance()).thenReturn(instance);
    when(instance.hasVariable(anyString())).thenReturn(false);
    return task;
  }
}
