package uk.gov.council.commissioning.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import uk.gov.council.commissioning.web.CommandOutcomes;

/**
 * Answers of the engine APIs ({@code /engine-rest} and the web apps' own) chosen from what the
 * engine command did, as {@link CommandOutcomes} kept it:
 *
 * <ul>
 *   <li>a {@link Refusal} (a form or a start refused by the checks) is the person's to correct: 400
 *       with each field and its reason, in Tasklist by the labels of the form, instead of a 500
 *       with the engine's wrapping of it;
 *   <li>a case, task or job that does not exist is a 404, not a 500; and one that exists but the
 *       user may not see gets the same 404, so that an answer never tells which ids exist.
 * </ul>
 *
 * Every other answer passes unchanged.
 */
@RequiredArgsConstructor
public class EngineApiErrors extends OncePerRequestFilter {

  private static final String NOT_FOUND = "There is no such item, or you may not see it.";
  private static final Logger log = LoggerFactory.getLogger(EngineApiErrors.class);
  private static final Pattern ENGINE_API =
      Pattern.compile("^(?:/engine-rest|/camunda/api/engine)/.*");

  /**
   * Paths naming one runtime or history item by id, whose existence is not everybody's business.
   */
  private static final Pattern ONE_ITEM =
      Pattern.compile(
          "^.*/(?:task|process-instance|execution|variable-instance|incident|job|external-task|history/[a-z-]+)/[^/]+(?:/.*)?$");

  private static final Pattern TASK_FORM =
      Pattern.compile(".*/task/([^/]+)/(?:submit-form|complete|resolve)$");
  private static final Pattern START_FORM =
      Pattern.compile(
          ".*/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:submit-form|start)$");

  /** A task or a case named by id, which the caller either may see or is told does not exist. */
  private static final Pattern TASK_OR_CASE =
      Pattern.compile("^.*/(task|process-instance)/([^/]+)(?:/.*)?$");

  private final ObjectMapper json;
  private final DeployedForms forms;
  private final Supplier<ProcessEngine> engine;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ENGINE_API
        .matcher(request.getRequestURI().substring(request.getContextPath().length()))
        .matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    RuntimeException failure;
    try (CommandOutcomes.Record scope = CommandOutcomes.open()) {
      chain.doFilter(request, answer);
      failure = scope.failure();
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (answer.getStatus() < 400 || answer.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      answer.copyBodyToResponse();
      return;
    }
    Optional<Refusal> refusal =
        failure == null ? Optional.empty() : causeOf(failure, Refusal.class);
    if (refusal.isEmpty() && !visibleToCaller(path)) {
      Refusals.error(answer, json, HttpServletResponse.SC_NOT_FOUND, "NotFound", NOT_FOUND);
    } else if (failure == null) {
      // An answer of the engine's own making, not from a command: as it is.
    } else if (refusal.isPresent()) {
      Refusal r = refusal.get();
      boolean inTasklist = path.startsWith("/camunda/api/");
      // The fields only: a reason may quote what was typed, which may be a person's details.
      log.info(
          "Form refused by its checks ({}): {}; fields: {}",
          request.getRequestURI(),
          r.headline(),
          r.fieldProblems().stream()
              .map(p -> p.field() == null ? "(the request)" : p.field())
              .distinct()
              .toList());
      FormSchema form = inTasklist ? formOf(path).orElse(null) : null;
      Refusals.write(answer, json, r.headline(), r.fieldProblems(), form, inTasklist);
    } else if (isMissing(failure, answer.getStatus())
        || "GET".equals(request.getMethod())
            && ONE_ITEM.matcher(path).matches()
            && (causeOf(failure, AuthorizationException.class).isPresent()
                || causeOf(failure, BadUserRequestException.class).isPresent())) {
      Refusals.error(answer, json, HttpServletResponse.SC_NOT_FOUND, "NotFound", NOT_FOUND);
    } else if (answer.getStatus() >= 500
        && causeOf(failure, AuthorizationException.class).isPresent()) {
      // Refused by a rule inside a step (a task passed outside its provider), which the engine
      // wraps.
      Refusals.error(
          answer,
          json,
          HttpServletResponse.SC_FORBIDDEN,
          "AuthorizationException",
          causeOf(failure, AuthorizationException.class).get().getMessage());
    }
    answer.copyBodyToResponse();
  }

  private Optional<FormSchema> formOf(String path) {
    Matcher task = TASK_FORM.matcher(path);
    if (task.matches()) {
      return forms.ofTask(task.group(1)).map(DeployedForms.StepForm::schema);
    }
    Matcher start = START_FORM.matcher(path);
    if (start.matches()) {
      return (start.group(1) != null
              ? forms.ofStartByKey(start.group(1))
              : forms.ofStartById(start.group(2)))
          .map(DeployedForms.StepForm::schema);
    }
    return Optional.empty();
  }

  /**
   * False for a task or case that does not exist or that the caller may not see; true for anything
   * else.
   */
  private boolean visibleToCaller(String path) {
    Matcher item = TASK_OR_CASE.matcher(path);
    if (!item.matches()) {
      return true;
    }
    ProcessEngine processEngine = engine.get();
    return "task".equals(item.group(1))
        ? processEngine.getTaskService().createTaskQuery().taskId(item.group(2)).count() > 0
        : processEngine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(item.group(2))
                .count()
            > 0;
  }

  private static boolean isMissing(RuntimeException failure, int status) {
    return causeOf(failure, NotFoundException.class).isPresent()
        || status >= 500 && causeOf(failure, NullValueException.class).isPresent();
  }

  private static <T> Optional<T> causeOf(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
