package uk.gov.council.commissioning.contracts;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static uk.gov.council.commissioning.web.ProblemMvc.problem;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.council.commissioning.web.ProblemMvc;

/** An unknown contract as any controller meets it, without the application around it. */
class ContractProblemsTest {

  // @TestComponent keeps application-context tests from scanning this controller in.
  @TestComponent
  @RestController
  static class SampleController {

    @GetMapping("/missing")
    String missing() {
      throw new ContractNotFoundException("HC/2019/07");
    }
  }

  MockMvc mvc = ProblemMvc.standalone(new SampleController(), new ContractProblems());

  @Test
  void unknownContractIs404() throws Exception {
    mvc.perform(get("/missing"))
        .andExpect(problem(HttpStatus.NOT_FOUND))
        .andExpect(jsonPath("$.reference").value("HC/2019/07"));
  }
}
