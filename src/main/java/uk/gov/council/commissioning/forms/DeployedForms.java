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
import org.springframework.jdbc.core.simple.JdbcClient;
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

  /** A process definition's key and start form. */
  private record Started(String processKey, Optional<StepForm> form) {}

  private final ProcessEngine engine;
  private final ObjectMapper json;
  private final JdbcClient jdbc;
  private final Map<String, FormSchema> cache = new ConcurrentHashMap<>();
  private final Map<String, Started> started = new ConcurrentHashMap<>();

  public DeployedForms(@Lazy ProcessEngine engine, ObjectMapper json, JdbcClient jdbc) {
    this.engine = engine;
    this.json = json;
    this.jdbc = jdbc;
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

  /**
   * The start form of the latest version of a process, by its key: the version is looked up for
   * each call (a new one may have been deployed, here or by another node), its form only once.
   */
  public Optional<StepForm> ofStartByKey(String processKey) {
    return latestVersion(processKey).flatMap(id -> started(id).flatMap(Started::form));
  }

  public Optional<StepForm> ofStartById(String processDefinitionId) {
    return started(processDefinitionId).flatMap(Started::form);
  }

  /** The key of a process definition given by id; empty when there is none. */
  public Optional<String> processKeyOf(String processDefinitionId) {
    return started(processDefinitionId).map(Started::processKey);
  }

  /**
   * One read of the id, where the engine's query of the latest version also maps the whole
   * definition and reads its documentation from the model: this was the larger part of a case
   * start's form check. The same rule as the engine's start by key without a tenant.
   */
  private Optional<String> latestVersion(String processKey) {
    return jdbc.sql(
            "SELECT id_ FROM act_re_procdef WHERE key_ = ? AND tenant_id_ IS NULL"
                + " ORDER BY version_ DESC FETCH FIRST 1 ROWS ONLY")
        .param(processKey)
        .query(String.class)
        .optional();
  }

  /**
   * What a process definition is started with, kept by its id: a deployed definition never changes
   * (a new one gets a new id). One that does not exist is not kept.
   */
  private Optional<Started> started(String processDefinitionId) {
    Started known = started.get(processDefinitionId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Started> found =
        asEngine(
            () ->
                definition(processDefinitionId)
                    .map(definition -> new Started(definition.getKey(), ofStart(definition))));
    found.ifPresent(s -> started.putIfAbsent(processDefinitionId, s));
    return found;
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
