package uk.gov.council.commissioning.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.tasks.CaseReferenceOnTasks;

/**
 * Full history, less the {@code ACT_HI_DETAIL} rows that record nothing an audit asks: a change of
 * a {@link CopiedVariables copied} variable, and a variable created empty (a form's answer cleared
 * before its task opens). Every variable keeps its {@code ACT_HI_VARINST} row, with its creation
 * time and last value, and every other change keeps its detail row; the history level stays {@code
 * full}, so the engine's own checks of it and its history clean-up work as before.
 *
 * <p>Each start of a serious incident wrote a detail row for each of its nine copies (the case
 * number on both tasks, the contract's title, the provider's name, the category and three times as
 * text), and each fired escalation four of its four variables: see docs/performance.md.
 */
@Component
public class CopiedVariableHistory extends AbstractProcessEnginePlugin {

  private final Map<String, Set<String>> copiesByProcess = new HashMap<>();

  private final Set<String> copiesEverywhere = new HashSet<>();

  public CopiedVariableHistory(List<CopiedVariables> copies) {
    copiesEverywhere.add(CaseReferenceOnTasks.VARIABLE);
    for (CopiedVariables c : copies) {
      if (c.processKey() == null) {
        copiesEverywhere.addAll(c.names());
      } else {
        copiesByProcess.computeIfAbsent(c.processKey(), k -> new HashSet<>()).addAll(c.names());
      }
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The engine's own database handler, the only one, with the detail rows filtered: it is
    // built here instead of by the engine, so it must be the only handler that writes.
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new Handler(this));
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Whether a change of this variable gets no detail row. */
  boolean withoutDetail(HistoricVariableUpdateEventEntity event) {
    if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
        && ValueType.NULL.getName().equalsIgnoreCase(event.getSerializerName())) {
      return true;
    }
    String name = event.getVariableName();
    if (copiesEverywhere.contains(name)) {
      return true;
    }
    Set<String> ofProcess = copiesByProcess.get(event.getProcessDefinitionKey());
    return ofProcess != null && ofProcess.contains(name);
  }

  private static final class Handler extends DbHistoryEventHandler {

    private final CopiedVariableHistory copies;

    Handler(CopiedVariableHistory copies) {
      this.copies = copies;
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return super.shouldWriteHistoricDetail(event) && !copies.withoutDetail(event);
    }
  }
}
