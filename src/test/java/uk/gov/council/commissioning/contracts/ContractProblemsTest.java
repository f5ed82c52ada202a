package uk.gov.council.commissioning.contracts;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.council.commissioning.web.ApiExceptionHandler;

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

  MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new SampleController())
          .setControllerAdvice(new ApiExceptionHandler(), new ContractProblems())
          .build();

  @Test
  void unknownContractIs404() throws Exception {
    mvc.perform(get("/missing"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.reference").value("HC/2019/07"));
  }
}
