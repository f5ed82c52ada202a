package uk.gov.council.commissioning.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The {@code Idempotency-Key} header on the application's POST requests (the ones that open cases
 * among them) and on the engine REST API's case starts ({@code .../start}, {@code
 * .../submit-form}): a client that did not get an answer (a timeout, a dropped connection) sends
 * the same request with the same key again and gets the first answer back, with {@code
 * Idempotent-Replayed: true}, instead of a second case.
 *
 * <p>The request runs in one transaction that first claims the key (a row unique per user and key)
 * and, when the answer is a success, stores the answer in it; the engine's start and the
 * application's register rows join that transaction. So the case and the record of the request that
 * created it are committed together: a crash before the commit leaves neither, a crash after leaves
 * both. The answer is held back until the commit, so a client never sees a success that was not
 * committed. A refusal (4xx) or a failure is rolled back with the key: nothing was created, and a
 * repeat runs again. See docs/architecture.md "Idempotent case starts".
 */
public class IdempotencyFilter extends OncePerRequestFilter {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  static final int MAX_KEY_LENGTH = 200;

  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

  private final IdempotentRequests requests;
  private final PlatformTransactionManager transactions;
  private final ObjectMapper json;
  private final Clock clock;
  private final IdempotencyProperties properties;

  IdempotencyFilter(
      IdempotentRequests requests,
      PlatformTransactionManager transactions,
      ObjectMapper json,
      Clock clock,
      IdempotencyProperties properties) {
    this.requests = requests;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
    this.properties = properties;
  }

  /** A case started through the engine's REST API, with or without its start form. */
  private static final Pattern ENGINE_START =
      Pattern.compile(
          "^/engine-rest(?:/engine/[^/]+)?/process-definition/"
              + "(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)$");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = pathOf(request);
    return !"POST".equals(request.getMethod())
        || !(path.startsWith("/api/") || ENGINE_START.matcher(path).matches())
        || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> keys = Collections.list(request.getHeaders(HEADER));
    Optional<String> badKey =
        keys.size() > 1 ? Optional.of("must be sent once") : check(keys.get(0));
    if (badKey.isPresent()) {
      problem(response, HttpStatus.BAD_REQUEST, "Invalid request", badKey.get());
      return;
    }
    String user = signedInUser();
    if (user == null) {
      // Only signed-in users reach the application's POSTs; without one there is nobody to keep
      // the key for.
      chain.doFilter(request, response);
      return;
    }
    String key = keys.get(0);
    String path =
        pathOf(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    BodyRequest buffered = BodyRequest.read(request);
    String hash = sha256(buffered.body());
    Instant now = clock.instant();

    Optional<IdempotentRequests.Stored> earlier = requests.find(user, key, now);
    if (earlier.isPresent()) {
      answerRepeat(earlier.get(), request.getMethod(), path, hash, response);
      return;
    }
    requests.forgetExpired(user, key, now);

    DefaultTransactionDefinition definition =
        new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);
    definition.setName("Idempotency-Key request");
    TransactionStatus transaction = transactions.getTransaction(definition);
    boolean ended = false;
    try {
      try {
        requests.claim(
            user, key, request.getMethod(), path, hash, now, now.plus(properties.retention()));
      } catch (DataIntegrityViolationException | ConcurrencyFailureException taken) {
        // Another request with the key got there first: on PostgreSQL the insert waited for it to
        // commit; H2 refuses at once while it is still running.
        transactions.rollback(transaction);
        ended = true;
        Optional<IdempotentRequests.Stored> first = requests.find(user, key, clock.instant());
        if (first.isPresent()) {
          answerRepeat(first.get(), request.getMethod(), path, hash, response);
        } else {
          inProgress(response);
        }
        return;
      }
      ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
      chain.doFilter(buffered, answer);
      int status = answer.getStatus();
      boolean success = status >= 200 && status < 300;
      if (success && transaction.isRollbackOnly()) {
        // A step failed inside the request and was handled, yet the request says it succeeded:
        // nothing of it can be committed, so it must not be answered as done.
        ended = true;
        transactions.rollback(transaction);
        log.error(
            "{} {} answered {} after a failure that rolled it back; answered 500 instead",
            request.getMethod(),
            path,
            status);
        ProblemDetail failed =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed and nothing was saved.");
        failed.setTitle("Not completed");
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(failed));
        return;
      }
      if (success) {
        requests.answer(
            user,
            key,
            status,
            answer.getContentType(),
            answer.getHeader("Location"),
            answer.getContentAsByteArray());
        ended = true;
        transactions.commit(transaction);
      } else {
        ended = true;
        transactions.rollback(transaction);
      }
      answer.copyBodyToResponse();
    } finally {
      if (!ended) {
        transactions.rollback(transaction);
      }
    }
  }

  /** A second request with a key: the first answer if it is the same request, else a refusal. */
  private void answerRepeat(
      IdempotentRequests.Stored first,
      String method,
      String path,
      String hash,
      HttpServletResponse response)
      throws IOException {
    if (!first.method().equals(method)
        || !first.path().equals(path)
        || !first.requestHash().equals(hash)) {
      problem(
          response,
          HttpStatus.UNPROCESSABLE_ENTITY,
          "Idempotency-Key reused",
          "was already used for a different request; send a new key with a new request");
      return;
    }
    if (first.status() == 0) {
      inProgress(response);
      return;
    }
    log.info("Answered a repeated {} {} from its Idempotency-Key", method, path);
    response.setStatus(first.status());
    response.setHeader(REPLAYED, "true");
    if (first.contentType() != null) {
      response.setContentType(first.contentType());
    }
    if (first.location() != null) {
      response.setHeader("Location", first.location());
    }
    byte[] body = first.body() == null ? new byte[0] : first.body();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private void inProgress(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", "1");
    problem(
        response,
        HttpStatus.CONFLICT,
        "Request in progress",
        "a request with this key is still being answered; try again shortly");
  }

  private void problem(HttpServletResponse response, HttpStatus status, String title, String reason)
      throws IOException {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(status, "The " + HEADER + " header " + reason);
    problem.setTitle(title);
    problem.setProperty("errors", List.of(new FieldProblem(HEADER, reason)));
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }

  /** Why a key cannot be used, or empty when it can. */
  static Optional<String> check(String key) {
    if (key == null || key.isBlank()) {
      return Optional.of("must not be empty");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      return Optional.of("must be at most " + MAX_KEY_LENGTH + " characters");
    }
    if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c > 0x7e)) {
      return Optional.of("must be printable ASCII characters (a UUID, for example)");
    }
    return Optional.empty();
  }

  private static String signedInUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null
            || !authentication.isAuthenticated()
            || authentication instanceof AnonymousAuthenticationToken
        ? null
        : authentication.getName();
  }

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
