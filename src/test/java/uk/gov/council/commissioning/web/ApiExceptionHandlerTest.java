package uk.gov.council.commissioning.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.council.commissioning.web.ProblemMvc.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The handler as other controllers will meet it, without the application around it. */
class ApiExceptionHandlerTest {

  // @TestComponent keeps application-context tests from scanning this controller in.
  @TestComponent
  @RestController
  static class SampleController {

    record Sample(@NotBlank String name, @Min(1) int count) {}

    @GetMapping("/invalid")
    String invalid() {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem("decisionDate", "must not be in the future"),
              new FieldProblem("comment", "is required when refusing")));
    }

    @PostMapping("/valid")
    String valid(@Valid @RequestBody Sample sample) {
      return "ok";
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable long id) {
      return "ok";
    }

    @GetMapping("/search")
    String search(@RequestParam("contract") String contract) {
      return "ok";
    }
  }

  MockMvc mvc = ProblemMvc.standalone(new SampleController());

  @Test
  void invalidRequestNamesEachField() throws Exception {
    mvc.perform(get("/invalid"))
        .andExpect(problem(HttpStatus.BAD_REQUEST))
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("decisionDate", "comment")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'comment')].message")
                .value("is required when refusing"));
  }

  @Test
  void beanValidationOnARequestBodyNamesEachField() throws Exception {
    mvc.perform(
            post("/valid")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\",\"count\":0}"))
        .andExpect(problem(HttpStatus.BAD_REQUEST))
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "count")));
  }

  @Test
  void wrongTypeNamesTheField() throws Exception {
    mvc.perform(
            post("/valid")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"a\",\"count\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("count"));
  }

  @Test
  void aPathSegmentOfTheWrongTypeNamesTheVariable() throws Exception {
    mvc.perform(get("/items/0001-01-01"))
        .andExpect(problem(HttpStatus.BAD_REQUEST))
        .andExpect(jsonPath("$.errors[0].field").value("id"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a valid whole number"));
  }

  @Test
  void aMissingQueryParameterIsNamed() throws Exception {
    mvc.perform(get("/search"))
        .andExpect(problem(HttpStatus.BAD_REQUEST))
        .andExpect(jsonPath("$.errors[0].field").value("contract"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
  }

  @Test
  void aBodyPastTheReadersLimitsSaysSo() throws Exception {
    mvc.perform(
            post("/valid")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"a\",\"count\":" + "9".repeat(2000) + "}"))
        .andExpect(problem(HttpStatus.BAD_REQUEST))
        .andExpect(jsonPath("$.detail", startsWith("The request body is past a limit: ")));
  }
}
