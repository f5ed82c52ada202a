package uk.gov.council.commissioning.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers 503 with Retry-After, instead of 500, when a request failed because the database could
 * not be reached: a lost connection is not the request's fault, and the client (or the load
 * balancer) may try again once the database is back. Runs outside every other filter, so a failure
 * in signing in (the users are in the database) is caught as well as one in a controller.
 *
 * <p>The application's endpoints let such exceptions escape (no handler answers them), and they are
 * caught here. The engine's REST API answers every exception itself with a 500; for its paths the
 * answer is held back until {@link CommandOutcomes} has said whether an engine command failed for
 * want of the database.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  private static final Pattern ENGINE_API =
      Pattern.compile("^(?:/engine-rest|/camunda/api)(?:/.*)?$");
  static final String DETAIL =
      "The database cannot be reached just now; nothing was changed by this request unless it says"
          + " otherwise. Try again shortly.";

  private final ObjectMapper json;
  private final FaultProperties properties;

  public DatabaseUnavailableFilter(ObjectMapper json, FaultProperties properties) {
    this.json = json;
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean engineApi = ENGINE_API.matcher(path).matches();
    ContentCachingResponseWrapper held =
        engineApi ? new ContentCachingResponseWrapper(response) : null;
    HttpServletResponse answer = held != null ? held : response;
    boolean engineFault;
    try (CommandOutcomes.Record outcomes = CommandOutcomes.open()) {
      try {
        chain.doFilter(request, answer);
      } catch (ServletException | IOException | RuntimeException e) {
        if (!DatabaseFaults.isConnectionFault(e) || response.isCommitted()) {
          throw e;
        }
        log.warn("Database unreachable answering {} {}: {}", request.getMethod(), path, rootOf(e));
        unavailable(answer);
      }
      engineFault = outcomes.connectionFault();
    }
    if (held != null) {
      if (held.getStatus() >= 500 && engineFault && !response.isCommitted()) {
        log.warn("Database unreachable answering {} {}", request.getMethod(), path);
        unavailable(held);
      }
      held.copyBodyToResponse();
    }
  }

  private void unavailable(HttpServletResponse response) throws IOException {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
    problem.setTitle("Service unavailable");
    response.resetBuffer();
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader("Retry-After", properties.retryAfterSeconds());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }

  private static String rootOf(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    // The class only: a driver's message may quote the statement and its values.
    return root.getClass().getName();
  }
}
