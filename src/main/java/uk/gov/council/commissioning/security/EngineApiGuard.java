package uk.gov.council.commissioning.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;
import uk.gov.council.commissioning.forms.DeployedForms;
import uk.gov.council.commissioning.forms.DeployedForms.StepForm;
import uk.gov.council.commissioning.forms.Refusals;
import uk.gov.council.commissioning.forms.SubmittedVariables;
import uk.gov.council.commissioning.web.BodyRequest;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * Checks calls to the engine's APIs ({@code /engine-rest} and the web apps' own engine API) that
 * the engine's authorizations alone do not make safe, before the engine runs anything:
 *
 * <ul>
 *   <li>Jobs and job definitions are changed (executed, retried, suspended, re-dated) by
 *       administrators only. The engine counts a refused execution as a failed attempt, so three
 *       refused calls by anyone would leave a timer with no retries, never to fire.
 *   <li>A closed case is restarted by administrators only: a restart begins at any activity, which
 *       would skip the steps before it, and the engine allows it to anyone who may start the
 *       process and read its history (council staff).
 *   <li>Only the processes a person starts (contract extension, serious incident, complaint, QAF,
 *       procurement) can be started through the API, and only at their start event: the others are
 *       started by a case and would be empty without it, and a start at another activity would skip
 *       the steps before it.
 *   <li>Variables are plain values (text, numbers, true/false, dates) wherever they are sent.
 *   <li>A form submission, start or completion carries only its form's fields, each of the kind the
 *       form declares and within its limits ({@link SubmittedVariables}).
 *   <li>A body that is not a JSON object where one is expected is refused with a 400, not a 500.
 * </ul>
 */
@RequiredArgsConstructor
class EngineApiGuard extends OncePerRequestFilter {

  private static final Pattern ENGINE_API =
      Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/(.*)$");
  private static final Pattern START =
      Pattern.compile(
          "^process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)$");
  private static final Pattern RESTART =
      Pattern.compile(
          "^process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/restart(?:-async)?$");
  private static final Pattern TASK_FORM =
      Pattern.compile("^task/([^/]+)/(?:submit-form|complete|resolve)$");
  private static final Pattern FILE_UPLOAD = Pattern.compile("^.+/variables/[^/]+/data$");
  private static final Pattern ONE_VARIABLE =
      Pattern.compile("^.+/(?:variables|localVariables)/[^/]+$");

  /** Where the engine REST API carries variables in a request body. */
  private static final Set<String> VARIABLE_MAPS =
      Set.of(
          "variables",
          "processVariables",
          "processVariablesLocal",
          "processVariablesToTriggeredScope",
          "localVariables",
          "modifications",
          "correlationKeys",
          "localCorrelationKeys");

  private static final Set<String> START_BODY =
      Set.of("variables", "businessKey", "withVariablesInReturn");
  private static final Set<String> FORM_BODY = Set.of("variables", "withVariablesInReturn");

  private final ObjectMapper json;
  private final DeployedForms forms;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod())
        || "HEAD".equals(request.getMethod())
        || "OPTIONS".equals(request.getMethod())
        || enginePath(request).isEmpty();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = enginePath(request).orElseThrow();
    boolean byLabel =
        request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/");
    if (changesJobs(path) && !isAdministrator()) {
      Refusals.error(
          response,
          json,
          HttpServletResponse.SC_FORBIDDEN,
          "AuthorizationException",
          "Only administrators may execute, retry, suspend or re-date jobs. A timer runs by itself when it is due.");
      return;
    }
    if (RESTART.matcher(path).matches() && !isAdministrator()) {
      Refusals.error(
          response,
          json,
          HttpServletResponse.SC_FORBIDDEN,
          "AuthorizationException",
          "Only administrators may restart a closed case: a restart begins at any step and would skip the ones before it.");
      return;
    }
    if (FILE_UPLOAD.matcher(path).matches()) {
      Refusals.write(
          response,
          json,
          "The value cannot be stored",
          List.of(new FieldProblem("data", "files and serialized values are not accepted")),
          null,
          byLabel);
      return;
    }
    Matcher start = START.matcher(path);
    Optional<String> startedProcess = Optional.empty();
    if (start.matches()) {
      startedProcess =
          start.group(1) != null ? Optional.of(start.group(1)) : forms.processKeyOf(start.group(2));
      if (startedProcess.isPresent() && !startedByPeople(startedProcess.get())) {
        Refusals.error(
            response,
            json,
            HttpServletResponse.SC_FORBIDDEN,
            "AuthorizationException",
            "The process "
                + startedProcess.get()
                + " is started by the case it belongs to, not by hand.");
        return;
      }
    }
    Matcher taskForm = TASK_FORM.matcher(path);
    boolean formSubmission = start.matches() || taskForm.matches();
    String contentType = request.getContentType();
    if (contentType != null
        && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")
        && !formSubmission) {
      // Not JSON (a deployment's files, say): the engine's own checks apply.
      chain.doFilter(request, response);
      return;
    }
    byte[] raw = request.getInputStream().readAllBytes();
    if (raw.length == 0 && !formSubmission) {
      chain.doFilter(new BodyRequest(request, raw), response);
      return;
    }
    JsonNode body = null;
    String unreadable = null;
    try {
      body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
      if (body == null || body.isNull() || body.isMissingNode()) {
        unreadable = "the body must be a JSON object, not null";
      }
    } catch (StreamConstraintsException pastLimit) {
      unreadable = "the body is past a limit: " + pastLimit.getOriginalMessage();
    } catch (JsonProcessingException notJson) {
      unreadable = "the body is not valid JSON";
    }
    if (unreadable != null) {
      Refusals.write(
          response,
          json,
          "The request cannot be read",
          List.of(new FieldProblem(null, unreadable)),
          null,
          byLabel);
      return;
    }
    List<FieldProblem> problems = new ArrayList<>();
    String headline = "The request cannot be accepted";
    StepForm form = null;
    if (formSubmission) {
      form =
          checkSubmission(
              body,
              start.matches()
                  ? startedProcess.flatMap(forms::ofStartByKey)
                  : forms.ofTask(taskForm.group(1)),
              start.matches() ? START_BODY : FORM_BODY,
              problems);
      if (form != null) {
        headline = form.stepName() + " cannot be completed";
      }
    } else if (ONE_VARIABLE.matcher(path).matches() && "PUT".equals(request.getMethod())) {
      plainVariable(path, body, problems);
    } else {
      collectVariableProblems(body, problems);
    }
    if (!problems.isEmpty()) {
      Refusals.write(
          response, json, headline, problems, form == null ? null : form.schema(), byLabel);
      return;
    }
    chain.doFilter(
        new BodyRequest(request, formSubmission ? json.writeValueAsBytes(body) : raw), response);
  }

  /**
   * A start, form submission or completion: only the keys the engine needs besides the variables,
   * and the variables checked against the step's form where it has one.
   *
   * @return the form the submission was checked against, or null
   */
  private StepForm checkSubmission(
      JsonNode body,
      Optional<StepForm> form,
      Set<String> allowedKeys,
      List<FieldProblem> problems) {
    if (!body.isObject()) {
      problems.add(new FieldProblem(null, "the body must be a JSON object"));
      return null;
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowedKeys.contains(name)) {
                problems.add(new FieldProblem(name, "is not accepted here"));
              }
            });
    JsonNode variables = body.path("variables");
    if (!variables.isObject() && !variables.isMissingNode() && !variables.isNull()) {
      problems.add(new FieldProblem("variables", "must be an object of named values"));
      return null;
    }
    if (form.isEmpty()) {
      problems.addAll(SubmittedVariables.plainValues(variables));
      return null;
    }
    ObjectNode submitted =
        variables.isObject() ? (ObjectNode) variables : ((ObjectNode) body).putObject("variables");
    problems.addAll(SubmittedVariables.againstForm(form.get().schema(), submitted));
    return form.get();
  }

  private void plainVariable(String path, JsonNode body, List<FieldProblem> problems) {
    ObjectNode named = json.createObjectNode();
    named.set(path.substring(path.lastIndexOf('/') + 1), body);
    problems.addAll(SubmittedVariables.plainValues(named));
  }

  /**
   * Every map of variables anywhere in the body, however deeply nested (start instructions,
   * messages).
   */
  private static void collectVariableProblems(JsonNode node, List<FieldProblem> problems) {
    if (node.isArray()) {
      node.forEach(element -> collectVariableProblems(element, problems));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (VARIABLE_MAPS.contains(field.getKey()) && field.getValue().isObject()) {
        problems.addAll(SubmittedVariables.plainValues(field.getValue()));
      } else {
        collectVariableProblems(field.getValue(), problems);
      }
    }
  }

  /** Anything under job/ or job-definition/ but their two queries (POST job, POST job/count). */
  static boolean changesJobs(String path) {
    return (path.startsWith("job/") || path.startsWith("job-definition/"))
        && !path.equals("job/count")
        && !path.equals("job-definition/count");
  }

  private static boolean startedByPeople(String processKey) {
    return Roles.STARTERS.containsKey(processKey) || Roles.PROVIDER_STARTED.contains(processKey);
  }

  private static boolean isAdministrator() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    return user != null
        && user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(Roles.authority(Roles.ADMIN)::equals);
  }

  static Optional<String> enginePath(HttpServletRequest request) {
    // Decoded, as the engine's REST layer will read it: "jo%62" is "job" there too.
    String uri =
        UriUtils.decode(
            request.getRequestURI().substring(request.getContextPath().length()),
            StandardCharsets.UTF_8);
    Matcher m = ENGINE_API.matcher(uri);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
