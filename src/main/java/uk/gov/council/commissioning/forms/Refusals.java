package uk.gov.council.commissioning.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import uk.gov.council.commissioning.web.FieldProblem;

/**
 * The answer of the engine APIs to input they refuse: 400 with a message a person can act on and,
 * for programs, each field with its label and the reason. Tasklist shows the {@code message}; in
 * Tasklist (its own engine API) the message names fields by the labels the officer sees, {@code
 * /engine-rest} by the keys its clients send.
 */
public final class Refusals {

  public static final String TYPE = "FormRefusal";

  private Refusals() {}

  /**
   * @param headline what was refused ("Plan the timetable cannot be completed"), without a colon
   * @param form the form whose labels name the fields; null when there is none
   */
  public static void write(
      HttpServletResponse response,
      ObjectMapper json,
      String headline,
      List<FieldProblem> problems,
      FormSchema form,
      boolean byLabel)
      throws IOException {
    ObjectNode body = json.createObjectNode();
    body.put("type", TYPE);
    body.put(
        "message",
        headline
            + ": "
            + problems.stream()
                .map(p -> (p.field() == null ? "" : p.field() + ": ") + p.message())
                .map(p -> byLabel && form != null ? FormLabels.relabelProblem(p, form.labels()) : p)
                .collect(Collectors.joining("; ")));
    ArrayNode errors = body.putArray("errors");
    for (FieldProblem problem : problems) {
      ObjectNode error = errors.addObject();
      error.put("field", problem.field());
      error.put(
          "label",
          form == null || problem.field() == null ? problem.field() : form.label(problem.field()));
      error.put("message", problem.message());
    }
    response.resetBuffer();
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  /** A plain JSON error in the engine REST API's own shape ({@code type}, {@code message}). */
  public static void error(
      HttpServletResponse response, ObjectMapper json, int status, String type, String message)
      throws IOException {
    ObjectNode body = json.createObjectNode();
    body.put("type", type);
    body.put("message", message);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }
}
