package uk.gov.council.commissioning.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;

class CopiedVariableHistoryTest {

  private final CopiedVariableHistory history =
      new CopiedVariableHistory(
          List.of(
              CopiedVariables.of("serious-incident", "contractTitle"),
              CopiedVariables.everywhere("escalationMessage")));

  @Test
  void aCopyInItsOwnProcessOrEverywhereGetsNoDetailRow() {
    assertThat(history.withoutDetail(update("serious-incident", "contractTitle", "string")))
        .isTrue();
    assertThat(history.withoutDetail(update("complaint", "escalationMessage", "string"))).isTrue();
    assertThat(history.withoutDetail(update("complaint", "caseReference", "string")))
        .as("the case number on every task")
        .isTrue();
  }

  @Test
  void aVariableOfTheSameNameInAnotherProcessKeepsItsDetailRows() {
    assertThat(history.withoutDetail(update("complaint", "contractTitle", "string"))).isFalse();
  }

  @Test
  void everyOtherChangeKeepsItsDetailRow() {
    assertThat(history.withoutDetail(update("serious-incident", "description", "string")))
        .isFalse();
    assertThat(history.withoutDetail(update("serious-incident", "reviewDecision", "null")))
        .as("a value cleared later is a change someone made")
        .isFalse();
  }

  @Test
  void aVariableCreatedEmptyGetsNoDetailRowButItsFirstValueDoes() {
    assertThat(history.withoutDetail(create("serious-incident", "escalationAction", "null")))
        .isTrue();
    assertThat(history.withoutDetail(create("serious-incident", "escalationAction", "string")))
        .isFalse();
  }

  private static HistoricVariableUpdateEventEntity update(
      String processKey, String name, String serializer) {
    return event(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, processKey, name, serializer);
  }

  private static HistoricVariableUpdateEventEntity create(
      String processKey, String name, String serializer) {
    return event(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, processKey, name, serializer);
  }

  private static HistoricVariableUpdateEventEntity event(
      HistoryEventTypes type, String processKey, String name, String serializer) {
    HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
    event.setEventType(type.getEventName());
    event.setProcessDefinitionKey(processKey);
    event.setVariableName(name);
    event.setSerializerName(serializer);
    return event;
  }
}
