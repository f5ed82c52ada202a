package uk.gov.council.commissioning.appraisals;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.reports.ReportPage;
import uk.gov.council.commissioning.security.EndpointAccess;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * The options appraisals for council staff (seed 003; seed 000 §4.8): the list, one report's public
 * part with its confidential annex shown only to the teams the report names (the read recorded as
 * the API's is), and for the officers who start them a form that submits a new report.
 */
@Controller
@PreAuthorize("@access.councilStaff(authentication)")
@RequestMapping("/options-appraisals")
@RequiredArgsConstructor
class OptionsAppraisalPages {

  /** How many option blocks the form offers; empty ones are left out. */
  static final int OPTION_BLOCKS = 4;

  private static final String STARTERS = "@access.mayStart(authentication, 'options-appraisal')";
  private static final Pattern OPTION_FIELD = Pattern.compile("options\\[(\\d+)]\\.(\\w+)");

  private final OptionsAppraisals appraisals;
  private final ReportPage reportPage;
  private final EndpointAccess access;

  @ModelAttribute
  void everyPage(Authentication user, Model model, HttpServletResponse response) {
    reportPage.prepare(user, model, response);
    model.addAttribute("page", "options-appraisals");
  }

  @GetMapping
  public String list(
      @RequestParam(required = false) String page, Authentication user, Model model) {
    PageQuery query = PageQuery.of(page, null, null);
    model.addAttribute("appraisals", appraisals.lines(query));
    model.addAttribute("mayStart", access.mayStart(user, AppraisalSteps.PROCESS_KEY).isGranted());
    return "appraisals/list";
  }

  @GetMapping("/new")
  @PreAuthorize(STARTERS)
  public String newForm(Model model) {
    return form(new LinkedHashMap<>(), List.of(), Map.of(), model);
  }

  /**
   * The report submitted through the same service as the API; refused, the form again with each
   * problem beside its field and nothing written.
   */
  @PostMapping("/new")
  @PreAuthorize(STARTERS)
  public String create(
      @RequestParam MultiValueMap<String, String> fields,
      Authentication user,
      Model model,
      HttpServletResponse response) {
    Map<String, String> entered = new LinkedHashMap<>();
    fields.forEach((k, v) -> entered.put(k, v.isEmpty() ? null : v.get(0)));
    List<String> teams = fields.getOrDefault("annexRoles", List.of());
    Map<String, String> problems = new LinkedHashMap<>();
    BigDecimal value = amount(entered.get("decisionValue"), problems);
    Integer term = months(entered.get("contractTermMonths"), problems);
    List<Integer> blocks = new ArrayList<>();
    List<AppraisalRequest.Option> options = new ArrayList<>();
    for (int b = 1; b <= OPTION_BLOCKS; b++) {
      String description = entered.get("option" + b + ".description");
      String opportunities = entered.get("option" + b + ".opportunities");
      String risks = entered.get("option" + b + ".risks");
      String reasons = entered.get("option" + b + ".reasons");
      if (blank(description) && blank(opportunities) && blank(risks) && blank(reasons)) {
        continue;
      }
      blocks.add(b);
      options.add(
          new AppraisalRequest.Option(
              description,
              opportunities,
              risks,
              String.valueOf(b).equals(entered.get("recommended")),
              reasons,
              entered.get("option" + b + ".effect")));
    }
    AppraisalRequest report =
        new AppraisalRequest(
            entered.get("title"),
            entered.get("serviceArea"),
            entered.get("reportOf"),
            entered.get("decisionMaker"),
            entered.get("publicSummary"),
            entered.get("confidentialAnnex"),
            teams,
            value,
            term,
            entered.get("contractReference"),
            "true".equals(entered.get("keyDecisionByOfficer")),
            entered.get("keyDecisionReason"),
            "true".equals(entered.get("twoOrMoreWards")),
            options);
    try {
      if (problems.isEmpty()) {
        OptionsAppraisals.View created = appraisals.create(report, user);
        return "redirect:/options-appraisals/" + created.reference();
      }
      // An amount that could not be read is not sent: its own problem and the report's are shown.
      Set<String> unread = Set.copyOf(problems.keySet());
      report.problems().stream()
          .filter(p -> !unread.contains(p.field()))
          .forEach(p -> add(problems, p, blocks));
    } catch (InvalidRequestException e) {
      e.getErrors().forEach(p -> add(problems, p, blocks));
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return form(entered, teams, problems, model);
  }

  @GetMapping("/{reference}")
  public String report(@PathVariable String reference, Authentication user, Model model) {
    OptionsAppraisals.View view =
        appraisals.view(reference).orElseThrow(OptionsAppraisalPages::notFound);
    model.addAttribute("report", view);
    boolean reader = OptionsAppraisals.mayReadAnnex(user, view);
    model.addAttribute("annexReader", reader);
    model.addAttribute(
        "annex",
        reader
            ? appraisals.annex(reference, user).orElseThrow(OptionsAppraisalPages::notFound)
            : null);
    return "appraisals/report";
  }

  /** The report's own fields: name, label, kind (text or area) and hint. */
  private static final List<List<String>> TEXT_FIELDS =
      List.of(
          List.of("title", "Title", "text", ""),
          List.of("serviceArea", "Service area", "text", ""),
          List.of(
              "reportOf",
              "Report of",
              "text",
              "Whose report it is, for example Director of Adult Services"),
          List.of(
              "decisionMaker",
              "Decision maker",
              "text",
              "As the report names them, for example Cabinet Member for Adult Services"),
          List.of("publicSummary", "Background", "area", "The public part of the report"),
          List.of(
              "decisionValue",
              "Value (£)",
              "text",
              "The value the council’s rules use for this decision, for example 250000.00"),
          List.of("contractTermMonths", "Contract term in months (optional)", "text", ""),
          List.of(
              "contractReference",
              "Current contract (optional)",
              "text",
              "Its reference; needed to extend it"));

  private static final List<List<String>> OPTION_PARTS =
      List.of(
          List.of("description", "Description"),
          List.of("opportunities", "Opportunities"),
          List.of("risks", "Risks"),
          List.of("reasons", "Reasons"));

  /** The decision notice in the browser's session (the API's own path wants HTTP Basic). */
  @GetMapping("/{reference}/decision-notice")
  public ResponseEntity<byte[]> decisionNotice(@PathVariable String reference) {
    byte[] pdf = appraisals.decisionNotice(reference).orElseThrow(OptionsAppraisalPages::notFound);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"decision-notice-" + reference + ".pdf\"")
        .body(pdf);
  }

  private String form(
      Map<String, String> entered,
      List<String> chosenTeams,
      Map<String, String> problems,
      Model model) {
    model.addAttribute("entered", entered);
    model.addAttribute("chosenTeams", chosenTeams);
    model.addAttribute("textFields", TEXT_FIELDS);
    model.addAttribute("optionParts", OPTION_PARTS);
    model.addAttribute("problems", problems);
    model.addAttribute(
        "blocks", java.util.stream.IntStream.rangeClosed(1, OPTION_BLOCKS).boxed().toList());
    model.addAttribute("teams", Roles.COUNCIL_GROUPS);
    return "appraisals/new";
  }

  /** The problem beside its field: an option's by the form's block, not the request's position. */
  private static void add(Map<String, String> problems, FieldProblem p, List<Integer> blocks) {
    String field = p.field();
    String label;
    Matcher m = OPTION_FIELD.matcher(field);
    if (m.matches()) {
      int block = blocks.get(Integer.parseInt(m.group(1)));
      field = "option" + block + "." + m.group(2);
      label = "Option " + block + ": the " + m.group(2);
    } else if (field.startsWith("annexRoles")) {
      field = "annexRoles";
      label = "The annex's readers";
    } else if (field.startsWith("options")) {
      field = "options";
      label = "The options";
    } else {
      label = LABELS.getOrDefault(field, field);
    }
    problems.merge(field, label + " " + p.message(), (a, b) -> a + "; " + b);
  }

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("title", "The title"),
          Map.entry("serviceArea", "The service area"),
          Map.entry("reportOf", "Whose report it is"),
          Map.entry("decisionMaker", "The decision maker"),
          Map.entry("publicSummary", "The background"),
          Map.entry("confidentialAnnex", "The confidential annex"),
          Map.entry("decisionValue", "The value"),
          Map.entry("contractTermMonths", "The contract term"),
          Map.entry("contractReference", "The current contract"),
          Map.entry("keyDecisionReason", "The reason it is a key decision"));

  private static BigDecimal amount(String text, Map<String, String> problems) {
    if (blank(text)) {
      return null;
    }
    String plain = text.strip().replace("£", "").replace(",", "");
    try {
      return new BigDecimal(plain);
    } catch (NumberFormatException e) {
      problems.put("decisionValue", "The value must be an amount in pounds, for example 250000.00");
      return null;
    }
  }

  private static Integer months(String text, Map<String, String> problems) {
    if (blank(text)) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      problems.put("contractTermMonths", "The contract term must be a whole number of months");
      return null;
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such options appraisal");
  }

  /**
   * A refusal as a page. Outside the controller, whose every method is for council staff only: a
   * handler there would itself be refused to a provider.
   */
  @ControllerAdvice(assignableTypes = OptionsAppraisalPages.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  @RequiredArgsConstructor
  static class AppraisalRefusals {

    private final ReportPage reportPage;

    @ExceptionHandler(AccessDeniedException.class)
    String refused(Authentication user, Model model, HttpServletResponse response) {
      return reportPage.refused(
          user,
          model,
          response,
          "You cannot do this",
          "The options appraisals are for the council's staff; only commissioning officers and"
              + " contracts managers submit them.");
    }
  }
}
