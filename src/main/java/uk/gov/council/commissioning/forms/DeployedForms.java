package uk.gov.council.commissioning.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form a task or a start event uses, as deployed with its process (binding
 * "deployment"), read once per process definition and form.
 *
 * <p>Looked up as the engine, not as the signed-in user: whether the user may see the task is the
 * engine's to answer afterwards, with its usual 403 or 404.
 */
@Component
public class DeployedForms {

  /** The form of one task or start event, and the name the officer knows that step by. */
  public record StepForm(String stepName, FormSchema schema) {}

  private final ProcessEngine engine;
  private final ObjectMapper json;
  private final Map<String, FormSchema> cache = new ConcurrentHashMap<>();

  public DeployedForms(@Lazy ProcessEngine engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  public Optional<StepForm> ofTask(String taskId) {
    return asEngine(
        () -> {
          Task task =
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .taskId(taskId)
                  .initializeFormKeys()
                  .singleResult();
          if (task == null
              || task.getCamundaFormRef() == null
              || task.getProcessDefinitionId() == null) {
            return Optional.empty();
          }
          return schema(
                  task.getProcessDefinitionId(),
                  task.getCamundaFormRef(),
                  () -> engine.getFormService().getDeployedTaskForm(taskId))
              .map(schema -> new StepForm(task.getName(), schema));
        });
  }

  /** The start form of the latest version of a process, by its key. */
  public Optional<StepForm> ofStartByKey(String processKey) {
    return asEngine(
        () ->
            Optional.ofNullable(
                    engine
                        .getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(processKey)
                        .latestVersion()
                        .withoutTenantId()
                        .singleResult())
                .flatMap(this::ofStart));
  }

  public Optional<StepForm> ofStartById(String processDefinitionId) {
    return asEngine(() -> definition(processDefinitionId).flatMap(this::ofStart));
  }

  /** The key of a process definition given by id; empty when there is none. */
  public Optional<String> processKeyOf(String processDefinitionId) {
    return asEngine(() -> definition(processDefinitionId).map(ProcessDefinition::getKey));
  }

  private Optional<ProcessDefinition> definition(String processDefinitionId) {
    return Optional.ofNullable(
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionId(processDefinitionId)
            .singleResult());
  }

  private Optional<StepForm> ofStart(ProcessDefinition definition) {
    StartFormData start = engine.getFormService().getStartFormData(definition.getId());
    if (start == null || start.getCamundaFormRef() == null) {
      return Optional.empty();
    }
    String name = definition.getName() == null ? definition.getKey() : definition.getName();
    return schema(
            definition.getId(),
            start.getCamundaFormRef(),
            () -> engine.getFormService().getDeployedStartForm(definition.getId()))
        .map(schema -> new StepForm(name, schema));
  }

  private Optional<FormSchema> schema(
      String processDefinitionId, CamundaFormRef ref, Supplier<InputStream> form) {
    String key = processDefinitionId + "/" + ref.getKey();
    FormSchema schema =
        cache.computeIfAbsent(
            key,
            k -> {
              try (InputStream in = form.get()) {
                return in == null ? null : FormSchema.parse(json.readTree(in));
              } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the deployed form " + ref.getKey(), e);
              }
            });
    return Optional.ofNullable(schema);
  }

  private <T> T asEngine(Supplier<T> lookup) {
    Authentication signedIn = engine.getIdentityService().getCurrentAuthentication();
    engine.getIdentityService().clearAuthentication();
    try {
      return lookup.get();
    } finally {
      if (signedIn != null) {
        engine.getIdentityService().setAuthentication(signedIn);
      }
    }
  }
}
