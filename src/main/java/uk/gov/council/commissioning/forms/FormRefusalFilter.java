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
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A form refused by the server-side checks ({@link TaskFormException}) is the officer's to correct,
 * not a server failure. The engine wraps a listener's exception in its own (ENGINE-03051, with the
 * class name) and the engine REST API answers 500, which Tasklist shows as it is. Around form
 * submissions (Tasklist's own engine API and {@code /engine-rest}) this answers 400 with the checks'
 * message instead; any other answer passes unchanged.
 */
public class FormRefusalFilter extends OncePerRequestFilter {

  private static final String MARK = TaskFormException.class.getName() + ": ";
  /** A start form's refusal is not wrapped by a listener: the engine API puts its own words before it. */
  private static final Pattern START_REFUSAL =
      Pattern.compile("Cannot (?:instantiate process definition|submit task form) \\S+: (.+ cannot be completed: .+)",
          Pattern.DOTALL);

  private final ObjectMapper json;

  public FormRefusalFilter(ObjectMapper json) {
    this.json = json;
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
    answer.resetBuffer();
    answer.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    answer.setContentType("application/json");
    answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
    answer.getOutputStream().write(json.writeValueAsBytes(
        Map.of("type", TaskFormException.class.getSimpleName(), "message", refusal.get())));
    answer.copyBodyToResponse();
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
