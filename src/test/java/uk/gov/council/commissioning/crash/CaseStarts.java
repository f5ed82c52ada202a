package uk.gov.council.commissioning.crash;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serious incidents started through {@code POST
 * /engine-rest/process-definition/key/serious-incident /start} by the demo provider, from several
 * client threads spread over the given nodes (as a load balancer would). Each start is a provider's
 * complete initial report; the incident's age decides whether its first deadline timer (the
 * reporting form, 48 hours after the incident) is due at once.
 */
final class CaseStarts {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final Duration incidentAge;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final LoadClients clients;

  /**
   * @param incidentAge how long before the start the incident occurred: over 48 hours makes each
   *     case's reporting-form timer due at once
   */
  CaseStarts(List<ApplicationProcess> nodes, Duration incidentAge) {
    this.clients = new LoadClients("case-starts", nodes);
    this.incidentAge = incidentAge;
  }

  /** Starts {@code count} cases (fewer if stopped) from {@code clientCount} threads. */
  void begin(int count, int clientCount) {
    clients.begin(count, clientCount, this::startOne);
  }

  /** Starts cases until {@link #stop()}, as the load a node is killed under. */
  void beginUntilStopped(int clientCount) {
    begin(Integer.MAX_VALUE, clientCount);
  }

  void stop() {
    clients.stop();
  }

  /** Waits for the clients to finish (all started, or stopped and their last request answered). */
  void await(Duration timeout) throws InterruptedException {
    clients.await(timeout);
  }

  boolean running() {
    return clients.running();
  }

  /** The process instances whose start was answered 200: each must exist. */
  List<String> acknowledged() {
    return List.copyOf(acknowledged);
  }

  /** Answers other than 200 (the node was up and refused): none is expected. */
  List<String> refusals() {
    return List.copyOf(refusals);
  }

  /** Requests with no answer (the node died under them): the case may or may not exist. */
  int unanswered() {
    return unanswered.get();
  }

  /** Starts one case; false when the node did not answer (it has died: this client stops). */
  private boolean startOne(ApplicationProcess node) {
    HttpRequest request =
        HttpRequest.newBuilder(
                node.uri("/engine-rest/process-definition/key/serious-incident/start"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", ApplicationProcess.basicAuthorization())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(report()))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      Matcher id = ID.matcher(response.body());
      if (response.statusCode() == 200 && id.find()) {
        acknowledged.add(id.group(1));
      } else {
        refusals.add(response.statusCode() + " " + response.body());
      }
      return true;
    } catch (IOException e) {
      unanswered.incrementAndGet();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      clients.stop();
      return false;
    }
  }

  private String report() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Instant occurred = now.minus(incidentAge);
    Instant aware = now.minus(Duration.ofMinutes(30));
    if (aware.isBefore(occurred)) {
      aware = occurred;
    }
    return """
        {"variables": {
          "contractReference": {"value": "%s"},
          "category": {"value": "EMERGENCY_HOSPITAL_ADMISSION"},
          "occurredAt": {"value": "%s"},
          "providerAwareAt": {"value": "%s"},
          "safeguardingSuspected": {"value": false},
          "riddorReportable": {"value": false},
          "description": {"value": "Found on the floor by the morning carer; ambulance called"},
          "partiesInvolved": {"value": "Service user; carer"},
          "emergencyServices": {"value": "Ambulance attended"},
          "immediateAction": {"value": "Carer stayed until the ambulance left"},
          "furtherAction": {"value": "Falls risk assessment to be reviewed"},
          "serviceUserGroup": {"value": "OLDER_PEOPLE"},
          "serviceUserName": {"value": "Test Person"},
          "serviceUserLbbId": {"value": "LBB-000001"}
        }}
        """
        .formatted(ApplicationProcess.CONTRACT, occurred, aware);
  }
}
