package uk.gov.council.commissioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import uk.gov.council.commissioning.deadlines.EngineClock;
import uk.gov.council.commissioning.testkit.ProcessTest;

@ProcessTest
class ContractApiTest {

  @Autowired MockMvc mvc;
  @Autowired ContractService contracts;

  long vibranceId;

  @BeforeEach
  void seed() {
    new DemoContracts(contracts, new EngineClock()).seed(LocalDate.now());
    vibranceId =
        contracts.findAllProviders().stream()
            .filter(p -> p.name().equals("Vibrance"))
            .findFirst()
            .orElseThrow()
            .id();
  }

  static UserRequestPostProcessor manager() {
    return user("mo").authorities(() -> "GROUP_contracts-managers");
  }

  static UserRequestPostProcessor vibranceUser() {
    return user("val").authorities(() -> "GROUP_providers", () -> "GROUP_provider-vibrance");
  }

  @Test
  void staffSeeEveryContractWithProviderAndOptions() throws Exception {
    // Other tests add contracts to the shared register, so the demo's may sit on any page: read
    // them all.
    List<String> references = new java.util.ArrayList<>();
    boolean more = true;
    for (int page = 0; more; page++) {
      org.springframework.test.web.servlet.MvcResult read =
          mvc.perform(
                  get("/api/contracts?size=200&page=" + page)
                      .with(user("cat").authorities(() -> "GROUP_finance")))
              .andExpect(status().isOk())
              .andReturn();
      references.addAll(
          com.jayway.jsonpath.JsonPath.read(
              read.getResponse().getContentAsString(), "$[*].reference"));
      more = Boolean.parseBoolean(read.getResponse().getHeader("X-Has-More"));
      assertThat(page).as("pages").isLessThan(100);
    }
    assertThat(references)
        .contains("DPSP-2017-01", "HC-2022-03", "DO-2023-02")
        .doesNotHaveDuplicates();
    mvc.perform(
            get("/api/contracts/DPSP-2017-01").with(user("cat").authorities(() -> "GROUP_finance")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.provider.name").value("Vibrance"))
        .andExpect(jsonPath("$.options[1].used").value(false));
  }

  @Test
  void readsOneContractWithItsNextExtension() throws Exception {
    mvc.perform(get("/api/contracts/DPSP-2017-01").with(manager()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.title").value("Direct Payments Support and Payroll Service"))
        .andExpect(jsonPath("$.provider.name").value("Vibrance"))
        .andExpect(jsonPath("$.provider.contactEmail").value("contracts@vibrance.example"))
        .andExpect(jsonPath("$.endDate").value("2020-04-07"))
        .andExpect(jsonPath("$.annualValue").value(225000.00))
        .andExpect(jsonPath("$.wholeLifeValue").value(900000.00))
        .andExpect(jsonPath("$.budgetHead").value("Direct Payments Support"))
        .andExpect(
            jsonPath("$.options[0].usedByDecision")
                .value("Portfolio Holder decision 2018 (first +1 year)"))
        .andExpect(jsonPath("$.nextExtension.start").value("2020-04-08"))
        .andExpect(jsonPath("$.nextExtension.end").value("2021-04-07"))
        .andExpect(jsonPath("$.nextExtension.optionOrder").value(2));
  }

  @Test
  void readsWhichProcurementAwardedAContractAndWhatItReplaces() throws Exception {
    String old = "OLD-" + ContractServiceTest.suffix();
    contracts.create(
        draft(old, vibranceId)
            .about("Advocacy Service", "Advocacy", null)
            .running("2016-04-08", "2021-04-07", "90000.00", "450000.00"));
    String successor =
        contracts
            .registerAwarded(
                draft("AW-" + ContractServiceTest.suffix(), vibranceId)
                    .about("Independent Advocacy Service", "Advocacy", null)
                    .running("2021-04-08", "2026-04-07", "90000.00", "630000.00", 12, 12),
                "PROC-2020-0007",
                old)
            .reference();

    mvc.perform(get("/api/contracts/" + successor).with(manager()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SIGNED"))
        .andExpect(jsonPath("$.procurementReference").value("PROC-2020-0007"))
        .andExpect(jsonPath("$.replacesReference").value(old));
    contracts.commence(successor);
    mvc.perform(get("/api/contracts/" + old).with(manager()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("EXPIRED"))
        .andExpect(jsonPath("$.replacedByReference").value(successor));
  }

  @Test
  void unknownContractIsAProblem404() throws Exception {
    mvc.perform(get("/api/contracts/NOPE-1").with(manager()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("NOPE-1")));
  }

  @Test
  void createsAContract() throws Exception {
    String ref = "CS-" + ContractServiceTest.suffix();
    mvc.perform(
            post("/api/contracts")
                .with(manager())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(ref, "\"options\": [{\"lengthMonths\": 12}, {\"lengthMonths\": 6}]")))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", endsWith("/api/contracts/" + ref)))
        .andExpect(jsonPath("$.reference").value(ref))
        .andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.options.length()").value(2))
        .andExpect(jsonPath("$.nextExtension.start").value("2027-04-01"))
        .andExpect(jsonPath("$.nextExtension.end").value("2028-03-31"));

    mvc.perform(get("/api/contracts/" + ref).with(manager()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.serviceArea").value("Carers support"))
        .andExpect(jsonPath("$.options[1].lengthMonths").value(6));
  }

  @Test
  void recordsTheContractOfficer() throws Exception {
    String ref = "CO-" + ContractServiceTest.suffix();
    mvc.perform(
            post("/api/contracts")
                .with(manager())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(ref, "\"contractOfficer\": \"admin\"")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.contractOfficer").value("admin"));

    assertThat(contracts.contractOfficer(ref)).contains("admin");
  }

  @Test
  void referencesWithASlashCanBeRead() throws Exception {
    String ref = "CS/" + ContractServiceTest.suffix();
    mvc.perform(
            post("/api/contracts")
                .with(manager())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(ref, "\"options\": []")))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", endsWith("/api/contracts/" + ref)));

    mvc.perform(get("/api/contracts/" + ref).with(manager()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reference").value(ref))
        .andExpect(jsonPath("$.nextExtension").doesNotExist());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "reference   | \"reference\": \"lower-case\"",
        "reference   | \"reference\": \"DPSP-2017-01\"",
        "title       | \"title\": \"\"",
        "providerId  | \"providerId\": 987654321",
        "providerId  | \"providerId\": null",
        "serviceArea | \"serviceArea\": null",
        "startDate   | \"startDate\": null",
        "endDate     | \"endDate\": \"2024-03-31\"",
        "endDate     | \"endDate\": \"2024-04-01\"",
        "annualValue | \"annualValue\": 0",
        "annualValue | \"annualValue\": -5",
        "wholeLifeValue | \"wholeLifeValue\": 1000",
        "wholeLifeValue | \"wholeLifeValue\": 12.345",
        "options[0].lengthMonths | \"options\": [{\"lengthMonths\": 0}]",
        "options[0]  | \"options\": [null]",
        "options[1].lengthMonths | \"options\": [{\"lengthMonths\": 12}, {\"lengthMonths\": 61}]",
        "startDate   | \"startDate\": \"soon\"",
        "annualValue | \"annualValue\": \"lots\"",
        "options[0].lengthMonths | \"options\": [{\"lengthMonths\": \"twelve\"}]",
        "contractOfficer | \"contractOfficer\": \"no such officer\"",
        "contractOfficer | \"contractOfficer\": \"nobody-of-that-name\"",
      })
  void rejectsABadFieldByNameAndSavesNothing(String field, String override) throws Exception {
    String ref = "BAD-" + ContractServiceTest.suffix();
    String json = body(ref, override);
    String expectedRef = override.startsWith("\"reference\"") ? null : ref;
    int before = contracts.findAll().size();

    create(json)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[*].field", everyItem(is(field))))
        .andExpect(jsonPath("$.errors[0].message").isNotEmpty());

    assertThat(contracts.findAll()).hasSize(before);
    if (expectedRef != null) {
      assertThat(contracts.findByReference(expectedRef)).isEmpty();
    }
  }

  @Test
  void namesEveryBadFieldAtOnce() throws Exception {
    String json =
        """
        {"reference": "x", "title": " ", "providerId": 987654321, "serviceArea": "Home care",
         "startDate": "2025-01-01", "endDate": "2024-01-01",
         "annualValue": 100, "wholeLifeValue": 50,
         "options": [{"lengthMonths": 12}, {"lengthMonths": 99}]}
        """;
    int before = contracts.findAll().size();

    create(json)
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                containsInAnyOrder(
                    "reference",
                    "title",
                    "providerId",
                    "endDate",
                    "wholeLifeValue",
                    "options[1].lengthMonths")));

    assertThat(contracts.findAll()).hasSize(before);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"reference\": | not valid JSON",
        "[1]             | expected structure",
      })
  void unreadableBodyIsA400Problem(String json, String detail) throws Exception {
    create(json)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString(detail)))
        .andExpect(jsonPath("$.errors").isArray());
  }

  @Test
  void providerUsersSeeOnlyTheirOwnContracts() throws Exception {
    mvc.perform(get("/api/contracts?size=200").with(vibranceUser()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].providerName", everyItem(is("Vibrance"))))
        .andExpect(jsonPath("$[*].reference", hasItems("DPSP-2017-01", "ADV-2020-01")))
        .andExpect(jsonPath("$[*].reference", not(hasItem("HC-2022-03"))));

    mvc.perform(get("/api/contracts/DPSP-2017-01").with(vibranceUser())).andExpect(status().isOk());
    mvc.perform(get("/api/contracts/HC-2022-03").with(vibranceUser()))
        .andExpect(status().isNotFound());
  }

  @Test
  void theListComesAPageAtATimeSoonestEndingFirstAndProvidersStillSeeOnlyTheirOwn()
      throws Exception {
    String total =
        mvc.perform(get("/api/contracts?size=1&total=true").with(vibranceUser()))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Page", "0"))
            .andExpect(header().string("X-Page-Size", "1"))
            .andExpect(header().string("X-Has-More", "true"))
            .andExpect(header().string("Link", org.hamcrest.Matchers.containsString("page=1")))
            .andExpect(jsonPath("$.length()").value(1))
            .andExpect(jsonPath("$[0].providerName").value("Vibrance"))
            .andReturn()
            .getResponse()
            .getHeader("X-Total-Count");
    int last = Integer.parseInt(total) - 1;
    mvc.perform(get("/api/contracts?size=1&page=" + last).with(vibranceUser()))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Has-More", "false"))
        .andExpect(header().doesNotExist("X-Total-Count"))
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].providerName").value("Vibrance"));
    mvc.perform(get("/api/contracts?size=1&page=" + (last + 1)).with(vibranceUser()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));

    String page =
        mvc.perform(get("/api/contracts?size=200").with(manager()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> ends = com.jayway.jsonpath.JsonPath.read(page, "$[*].endDate");
    assertThat(ends).as("soonest ending first").isSorted();
  }

  @Test
  void aBadPageOrSizeIsRefusedNamingIt() throws Exception {
    mvc.perform(get("/api/contracts?size=201").with(manager()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(get("/api/contracts?page=last").with(vibranceUser()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("page"));
  }

  @Test
  void aProviderUserWithoutAnOrganisationSeesNothing() throws Exception {
    mvc.perform(get("/api/contracts").with(user("nobody").authorities(() -> "GROUP_providers")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void providersCannotCreateContracts() throws Exception {
    String ref = "PRV-" + ContractServiceTest.suffix();
    mvc.perform(
            post("/api/contracts")
                .with(vibranceUser())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(ref, "\"options\": []")))
        .andExpect(status().isForbidden());

    assertThat(contracts.findByReference(ref)).isEmpty();
  }

  @Test
  void commissioningOfficersAndAdminsMayCreate() throws Exception {
    for (String group : new String[] {"GROUP_commissioning-officers", "GROUP_camunda-admin"}) {
      mvc.perform(
              post("/api/contracts")
                  .with(user("u").authorities(() -> group))
                  .with(csrf())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body("OK-" + ContractServiceTest.suffix(), "\"options\": []")))
          .andExpect(status().isCreated());
    }
  }

  private ResultActions create(String json) throws Exception {
    return mvc.perform(
        post("/api/contracts")
            .with(manager())
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  /** A valid request body, with {@code override} replacing or adding one property. */
  private String body(String reference, String override) {
    String key = override.substring(0, override.indexOf(':'));
    StringBuilder json = new StringBuilder("{");
    String[][] fields = {
      {"\"reference\"", "\"" + reference + "\""},
      {"\"title\"", "\"Carers Support Service\""},
      {"\"providerId\"", Long.toString(vibranceId)},
      {"\"serviceArea\"", "\"Carers support\""},
      {"\"startDate\"", "\"2024-04-01\""},
      {"\"endDate\"", "\"2027-03-31\""},
      {"\"annualValue\"", "150000.00"},
      {"\"wholeLifeValue\"", "750000.00"},
      {"\"budgetHead\"", "\"Carers\""},
      {"\"options\"", "[{\"lengthMonths\": 12}]"},
    };
    for (String[] f : fields) {
      if (!f[0].equals(key)) {
        json.append(f[0]).append(": ").append(f[1]).append(", ");
      }
    }
    return json.append(override).append('}').toString();
  }
}
