package uk.gov.council.commissioning.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.council.commissioning.appraisals.AppraisalRequest;
import uk.gov.council.commissioning.appraisals.CoventryAppraisal;

/**
 * Options appraisals taken through to a published decision by the demo council staff, each through
 * the application's own API: the officer submits the report ({@code POST /api/options-appraisals})
 * and checks it, the Chief Officer decides (below the Chief Officer's limit, so no agreement,
 * scrutiny or call-in), and the clerk records the resolution, whose completion produces the
 * decision notice (a PDF letter) and queues it by email. Run beside {@link CaseStarts} so that
 * letters are being produced and sent when a node is killed.
 */
final class AppraisalDecisions {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final ConcurrentLinkedQueue<String> resolved = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final LoadClients clients;

  AppraisalDecisions(List<ApplicationProcess> nodes) {
    this.clients = new LoadClients("appraisal-decisions", nodes);
  }

  /** Takes {@code count} appraisals (fewer if stopped) to a resolution from the given threads. */
  void begin(int count, int clientCount) {
    clients.begin(count, clientCount, this::decideOne);
  }

  void stop() {
    clients.stop();
  }

  void await(Duration timeout) throws InterruptedException {
    clients.await(timeout);
  }

  /** Appraisals whose resolution was answered 204: each must have its decision notice, once. */
  List<String> resolved() {
    return List.copyOf(resolved);
  }

  /** Answers other than the expected one while the node was up: none is expected. */
  List<String> refusals() {
    return List.copyOf(refusals);
  }

  /** Requests with no answer (the node died under them). */
  int unanswered() {
    return unanswered.get();
  }

  /** One appraisal from report to resolution; false when the node stopped answering. */
  private boolean decideOne(ApplicationProcess node) {
    try {
      HttpResponse<String> submitted =
          send(node, "officer", "POST", "/api/options-appraisals", report());
      Matcher reference = REFERENCE.matcher(submitted.body());
      if (submitted.statusCode() != 201 || !reference.find()) {
        refusals.add("submit: " + submitted.statusCode() + " " + submitted.body());
        return true;
      }
      String ref = reference.group(1);
      LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
      return complete(
              node, "officer", ref, "Task_CheckReport", "{\"reportCheck\":{\"value\":\"READY\"}}")
          && complete(
              node,
              "director",
              ref,
              "Task_RecordDecision",
              """
              {"approvalDecision":{"value":"APPROVE"},"decisionReference":{"value":"CO-%s"},
               "approvalComments":{"value":""}}"""
                  .formatted(ref))
          && complete(
              node,
              "clerk",
              ref,
              "Task_RecordResolution",
              """
              {"resolution":{"value":"RESOLVED: personal budgets only"},
               "publicationDate":{"value":"%s"}}"""
                  .formatted(today))
          && resolved.add(ref);
    } catch (IOException e) {
      unanswered.incrementAndGet();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      clients.stop();
      return false;
    }
  }

  /** Completes the case's open task at the activity as the user; false if it could not. */
  private boolean complete(
      ApplicationProcess node, String user, String reference, String activityId, String variables)
      throws IOException, InterruptedException {
    HttpResponse<String> tasks =
        send(
            node,
            user,
            "GET",
            "/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(reference, StandardCharsets.UTF_8)
                + "&taskDefinitionKey="
                + activityId,
            null);
    Matcher id = ID.matcher(tasks.body());
    if (tasks.statusCode() != 200 || !id.find()) {
      refusals.add(reference + " " + activityId + ": " + tasks.statusCode() + " " + tasks.body());
      return false;
    }
    HttpResponse<String> done =
        send(
            node,
            user,
            "POST",
            "/engine-rest/task/" + id.group(1) + "/complete",
            "{\"variables\":" + variables + "}");
    if (done.statusCode() != 204) {
      refusals.add(reference + " " + activityId + ": " + done.statusCode() + " " + done.body());
      return false;
    }
    return true;
  }

  private HttpResponse<String> send(
      ApplicationProcess node, String user, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(node.uri(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", ApplicationProcess.basicAuthorization(user));
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Seed 003's report below the Chief Officer's limit, resolving to start nothing. */
  private String report() throws IOException {
    AppraisalRequest seed = CoventryAppraisal.report();
    List<AppraisalRequest.Option> options = new ArrayList<>(seed.options());
    AppraisalRequest.Option first = options.get(0);
    options.set(
        0,
        new AppraisalRequest.Option(
            first.description(),
            first.opportunities(),
            first.risks(),
            true,
            first.reasons(),
            "OTHER"));
    return json.writeValueAsString(
        new AppraisalRequest(
            seed.title(),
            seed.serviceArea(),
            seed.reportOf(),
            seed.decisionMaker(),
            seed.publicSummary(),
            "Private report: the provider's account pricing.",
            seed.annexRoles(),
            new BigDecimal("80000.00"),
            seed.contractTermMonths(),
            null,
            false,
            null,
            false,
            options));
  }
}
