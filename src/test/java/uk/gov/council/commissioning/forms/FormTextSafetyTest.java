package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Text people typed (providers, complainants, officers; through a form or the REST API) is shown in
 * Tasklist as the words typed, never as markup.
 *
 * <p>Tasklist (form-js) renders a {@code text} component as Markdown and then as HTML, after
 * putting the variables it templates in as they are: a value {@code <img src=x>} or {@code
 * [here](http://...)} becomes an image or a live link. An {@code html} component escapes every
 * value it inserts (form-js's documented rule for the HTML view), so a typed value shows as typed.
 * Hence the rule checked here:
 *
 * <ul>
 *   <li>a {@code text} component inserts only {@link #SYSTEM_VALUES} (set by the server from its
 *       own data) and {@link #SERVER_MARKDOWN} (composed by the server, every typed part escaped
 *       with {@link MarkdownText}); it uses no FEEL expression ({@code =...}) and no loop;
 *   <li>an {@code html} component inserts values only between tags, never into a tag or attribute,
 *       and inserts a value the server does not always set only inside {@code {{#if value}}}:
 *       form-js shows a warning sign for a missing value where a text component shows nothing.
 * </ul>
 */
class FormTextSafetyTest {

  /**
   * Values the server sets from its own data: numbers, dates and times it formats, references it
   * issues, labels from code or configuration.
   */
  static final Set<String> SYSTEM_VALUES =
      Set.of(
          // complaints: the complaint number, the receipt time and the deadlines as the server
          // formats them
          "complaintNumber",
          "received",
          "acknowledgeDue",
          "respondDue",
          "writtenReportDue",
          "extensions",
          // contract-extension: from the register and the next option (CheckExtensionOption), the
          // draft count,
          // the decision table's route, the end of the call-in period
          "currentEndDate",
          "extensionStart",
          "extensionEnd",
          "optionOrder",
          "wholeLifeValueText",
          "draftNumber",
          "approvalRoute",
          "callInLastDay",
          // procurement: the reference it issues, amounts and dates it formats, regime data, stage
          // labels
          "procurementReference",
          "estimatedValueText",
          "regimeName",
          "approvalRouteTitle",
          "standstillEndText",
          "commencementText",
          "winningBidText",
          "evaluationFormatHelp",
          "timetableText",
          "noticeName",
          "noticeDescription",
          "noticeSource",
          "noticeDueText",
          "overrunStageName",
          "overrunPlannedEnd",
          // QAF and improvement plans: numbers, years, dates, configuration, the decision table's
          // reasons,
          // last year's grades as recorded
          "qafNumber",
          "financialYear",
          "meetingOn",
          "returnDue",
          "targetPerformanceLevel",
          "visitReasonsText",
          "c11LastQaf",
          "c12LastQaf",
          "c13LastQaf",
          "c14LastQaf",
          "c15LastQaf",
          "c16LastQaf",
          "c17LastQaf",
          "objective",
          "planDue",
          "validationDue",
          // serious incidents: the number it issues, the category's label, times it formats, the
          // update count
          "incidentNumber",
          "categoryLabel",
          "occurredAtText",
          "initialReportDueText",
          "reportingFormDueText",
          "updatesReceived",
          "lastUpdateAt",
          // safeguarding: the source case's description, times it formats, its timeliness sentence
          "sourceText",
          "awareAtText",
          "alertedAtText",
          "screeningDueText",
          "alertTimeliness",
          // contract management meetings: the number of the meeting's compliance audit (links to
          // its page)
          "auditIdText");

  /**
   * Markdown the server composes (tables, headings, emphasis) with every typed part escaped, and
   * where.
   */
  static final Map<String, String> SERVER_MARKDOWN =
      Map.of(
          "rankingText", "procurement.ProcurementEvaluation.rankingText",
          "excludedText", "procurement.ProcurementEvaluation.excludedText",
          "tieText", "procurement.ProcurementEvaluation.tieText",
          "assessmentSummariesText", "procurement.ProcurementEvaluation.summariesText",
          "returnComments",
              "procurement.ProcurementEvaluation.returnText; extension.AgreementComments",
          "challengeText", "procurement.ProcurementAward.challengeText",
          "declineComments", "procurement.ProcurementApproval.declineComments",
          "revisionText", "procurement.ProcurementApproval.revised",
          "moderationGrades", "qaf.QafModerationSteps.gradeTable");

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> forms() throws IOException {
    Resource[] found =
        new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.form");
    return Stream.of(found).map(Resource::getFilename).sorted();
  }

  @Test
  void everyDeployedFormIsChecked() throws IOException {
    assertThat(forms()).hasSizeGreaterThan(60);
  }

  @ParameterizedTest
  @MethodSource("forms")
  void textComponentsInsertOnlyWhatTheServerSetsOrEscaped(String form) throws IOException {
    assertEveryComponent(form, "text", "text", FormTextSafetyTest::textProblems);
  }

  @ParameterizedTest
  @MethodSource("forms")
  void htmlComponentsInsertValuesAsTextOnly(String form) throws IOException {
    assertEveryComponent(form, "html", "content", FormTextSafetyTest::htmlProblems);
  }

  private static void textProblems(String text, Consumer<String> problem) {
    if (text.startsWith("=")) {
      problem.accept("a FEEL expression; use an html component");
    }
    for (Tag tag : tags(text)) {
      if (tag.block() && tag.body().startsWith("#loop")) {
        problem.accept("a loop; use an html component");
      } else if (!tag.block()
          && !(NAME.matcher(tag.body()).matches()
              && (SYSTEM_VALUES.contains(tag.body()) || SERVER_MARKDOWN.containsKey(tag.body())))) {
        problem.accept(
            "{{"
                + tag.body()
                + "}} is rendered as Markdown and HTML; show it in an html component");
      }
    }
  }

  private static void htmlProblems(String content, Consumer<String> problem) {
    if (content.startsWith("=")) {
      problem.accept("a FEEL expression");
    }
    Deque<String> openIfs = new ArrayDeque<>();
    for (Tag tag : tags(content)) {
      int tagStart = content.lastIndexOf('<', tag.start());
      if (tagStart > content.lastIndexOf('>', tag.start())) {
        problem.accept("{{" + tag.body() + "}} inside a tag: values go between tags only");
      }
      if (tag.body().startsWith("#if")) {
        openIfs.push(tag.body().substring(3).trim());
      } else if (tag.body().startsWith("/if")) {
        openIfs.poll();
      } else if (tag.body().startsWith("#") || tag.body().startsWith("/")) {
        problem.accept("{{" + tag.body() + "}}: only #if blocks");
      } else if (!NAME.matcher(tag.body()).matches()) {
        problem.accept("{{" + tag.body() + "}}: insert a variable by its name");
      } else if (!SYSTEM_VALUES.contains(tag.body()) && !openIfs.contains(tag.body())) {
        problem.accept(
            "{{" + tag.body() + "}} may be missing: put it inside {{#if " + tag.body() + "}}");
      }
    }
    if (!openIfs.isEmpty()) {
      problem.accept("an {{#if}} without its {{/if}}");
    }
  }

  private record Tag(int start, String body) {
    boolean block() {
      return body.startsWith("#") || body.startsWith("/");
    }
  }

  private static List<Tag> tags(String template) {
    List<Tag> tags = new ArrayList<>();
    Matcher m = TEMPLATE.matcher(template);
    while (m.find()) {
      tags.add(new Tag(m.start(), m.group(1).trim()));
    }
    return tags;
  }

  /**
   * Checks {@code property} of every component of {@code type} in the form; each problem the check
   * reports is named with the component's id, and the form must have none.
   */
  private static void assertEveryComponent(
      String form, String type, String property, BiConsumer<String, Consumer<String>> check)
      throws IOException {
    List<String> problems = new ArrayList<>();
    components(
        form,
        type,
        c -> {
          String where = c.path("id").asText() + ": ";
          check.accept(c.path(property).asText(""), problem -> problems.add(where + problem));
        });
    assertThat(problems).as(form).isEmpty();
  }

  private static void components(String form, String type, Consumer<JsonNode> check)
      throws IOException {
    try (InputStream in = FormTextSafetyTest.class.getResourceAsStream("/forms/" + form)) {
      walk(JSON.readTree(in).path("components"), type, check);
    }
  }

  private static void walk(JsonNode components, String type, Consumer<JsonNode> check) {
    for (JsonNode c : components) {
      if (type.equals(c.path("type").asText())) {
        check.accept(c);
      }
      walk(c.path("components"), type, check);
    }
  }
}
