package uk.gov.council.commissioning.web;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** A controller met alone, with the API's problem handling (RFC 9457) and no application. */
public final class ProblemMvc {

  private ProblemMvc() {}

  /** The controller with {@link ApiExceptionHandler} and any further {@code advice}. */
  public static MockMvc standalone(Object controller, Object... advice) {
    List<Object> handlers = new ArrayList<>(List.of(new ApiExceptionHandler()));
    handlers.addAll(List.of(advice));
    return MockMvcBuilders.standaloneSetup(controller)
        .setControllerAdvice(handlers.toArray())
        .build();
  }

  /** The answer has the status and is a problem document. */
  public static ResultMatcher problem(HttpStatus status) {
    return ResultMatcher.matchAll(
        status().is(status.value()),
        content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
