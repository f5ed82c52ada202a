package uk.gov.council.commissioning.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A form refused by the server-side checks ({@link TaskFormException}) is the officer's to correct,
 * not a server failure. The engine wraps a listener's exception in its own (ENGINE-03051, with the
 * class name) and the engine REST API answers 500, which Tasklist shows as it is. Around form
 * submissions (Tasklist's own engine API and {@code /engine-rest}) this answers 400 with the checks'
 * message instead; any other answer passes unchanged. In Tasklist the fields are named by their labels,
 * as the officer sees them; {@code /engine-rest} keeps the field keys, which its clients send.
 */
public class FormRefusalFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(FormRefusalFilter.class);
  private static final String MARK = TaskFormException.class.getName() + ": ";
  /** A start form's refusal is not wrapped by a listener: the engine API puts its own words before it. */
  private static final Pattern START_REFUSAL =
      Pattern.compile("Cannot (?:instantiate process definition|submit task form) \\S+: (.+ cannot be completed: .+)",
          Pattern.DOTALL);

  private static final Pattern TASK_FORM = Pattern.compile(".*/task/([^/]+)/submit-form$");
  private static final Pattern START_FORM_BY_KEY = Pattern.compile(".*/process-definition/key/([^/]+)/submit-form$");

  private final ObjectMapper json;
  private final FormLabels labels;
  private final ProcessEngine engine;

  public FormRefusalFilter(ObjectMapper json, FormLabels labels, ProcessEngine engine) {
    this.json = json;
    this.labels = labels;
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/submit-form");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    Optional<String> refusal = answer.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
        ? refusal(answer.getContentAsByteArray())
        : Optional.empty();
    if (refusal.isEmpty()) {
      answer.copyBodyToResponse();
      return;
    }
    log.info("Form refused by its checks ({}): {}", request.getRequestURI(), refusal.get());
    answer.resetBuffer();
    answer.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    answer.setContentType("application/json");
    answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String message = request.getRequestURI().contains("/camunda/api/engine/")
        ? FormLabels.relabel(refusal.get(), labels.of(formId(request.getRequestURI())))
        : refusal.get();
    answer.getOutputStream().write(json.writeValueAsBytes(
        Map.of("type", TaskFormException.class.getSimpleName(), "message", message)));
    answer.copyBodyToResponse();
  }

  /** The id of the Camunda Form submitted (its file name in forms/), or null when it cannot be told. */
  String formId(String uri) {
    Matcher task = TASK_FORM.matcher(uri);
    if (task.matches()) {
      Task open = engine.getTaskService().createTaskQuery().taskId(task.group(1)).initializeFormKeys().singleResult();
      return open == null || open.getCamundaFormRef() == null ? null : open.getCamundaFormRef().getKey();
    }
    Matcher start = START_FORM_BY_KEY.matcher(uri);
    if (start.matches()) {
      ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(start.group(1)).latestVersion().singleResult();
      if (latest == null) {
        return null;
      }
      StartFormData form = engine.getFormService().getStartFormData(latest.getId());
      return form == null || form.getCamundaFormRef() == null ? null : form.getCamundaFormRef().getKey();
    }
    return null;
  }

  /** The checks' own message inside the engine's, e.g. "Plan the timetable cannot be completed: ...". */
  Optional<String> refusal(byte[] body) {
    try {
      String message = json.readTree(body).path("message").asText();
      int at = message.indexOf(MARK);
      if (at >= 0) {
        String text = message.substring(at + MARK.length());
        // The engine quotes the listener's exception: '...TaskFormException: <message>'
        return Optional.of(text.endsWith("'") ? text.substring(0, text.length() - 1) : text);
      }
      Matcher start = START_REFUSAL.matcher(message);
      return start.matches() ? Optional.of(start.group(1)) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
