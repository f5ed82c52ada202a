package uk.gov.council.commissioning.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static uk.gov.council.commissioning.incidents.IncidentTestData.providerReport;
import static uk.gov.council.commissioning.incidents.IncidentTestData.vibranceWithAContract;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.testkit.PostgresProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;
import uk.gov.council.commissioning.testkit.TestUsers;

/**
 * The Idempotency-Key on PostgreSQL, where a second request with the key waits on the unique
 * constraint for the first to commit and then gets its answer: a repeat and requests sent together
 * open one incident.
 */
@PostgresProcessTest
class IncidentIdempotencyPostgresTest extends ProcessTestCase {

  private static final String VIBRANCE_USER = "sikp-vibrance";
  private static final String BRIGHTPATH_USER = "sikp-brightpath";

  @Autowired WebApplicationContext context;
  @Autowired ObjectMapper json;

  MockMvc mvc;
  String reference;

  @BeforeEach
  void setUp() {
    reference = uniqueReference("SIKP-");
    vibranceWithAContract(access, contracts, VIBRANCE_USER, BRIGHTPATH_USER, reference);
    @SuppressWarnings("unchecked")
    FilterRegistrationBean<Filter> idempotency =
        context.getBean("idempotencyFilter", FilterRegistrationBean.class);
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .addFilters(
                context.getBean("springSecurityFilterChain", Filter.class), idempotency.getFilter())
            .build();
  }

  @Test
  void aRepeatAndRequestsSentTogetherOpenOneIncident() throws Exception {
    String key = UUID.randomUUID().toString();
    String report =
        json.writeValueAsString(providerReport(reference, minusHours(2), minusHours(1)));

    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<MockHttpServletResponse> answers = new ArrayList<>();
    try {
      List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        calls.add(() -> post(report, key));
      }
      for (Future<MockHttpServletResponse> f : pool.invokeAll(calls)) {
        answers.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    answers.add(post(report, key));

    assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(201);
    assertThat(answers)
        .extracting(MockHttpServletResponse::getContentAsString)
        .containsOnly(answers.get(0).getContentAsString());
    assertThat(answers)
        .extracting(r -> r.getHeader("Idempotent-Replayed"))
        .containsOnlyOnce((String) null);
    assertThat(incidents()).isOne();

    String other = json.writeValueAsString(providerReport(reference, minusHours(5), minusHours(4)));
    assertThat(post(other, key).getStatus()).isEqualTo(422);
    assertThat(incidents()).isOne();
  }

  private MockHttpServletResponse post(String report, String key) throws Exception {
    return mvc.perform(
            MockMvcRequestBuilders.post("/api/incidents")
                .with(httpBasic(VIBRANCE_USER, TestUsers.password(VIBRANCE_USER)))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key)
                .content(report))
        .andReturn()
        .getResponse();
  }

  private static String minusHours(int hours) {
    return OffsetDateTime.now(WorkingDayCalendar.UK)
        .minusHours(hours)
        .truncatedTo(ChronoUnit.MINUTES)
        .toString();
  }

  private long incidents() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM serious_incident i JOIN contract c ON c.id = i.contract_id"
                + " WHERE c.reference = :reference")
        .param("reference", reference)
        .query(Long.class)
        .single();
  }
}
