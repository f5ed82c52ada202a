package uk.gov.council.commissioning.incidents;

import java.time.Instant;
import java.util.List;
import uk.gov.council.commissioning.compliance.DeadlineBreach;

/** What {@code /api/incidents} answers. Times are ISO instants (UTC). */
final class IncidentResponses {

  private IncidentResponses() {}

  /** One line of the list: register facts only, no personal details. */
  public record IncidentSummary(
      String incidentNumber,
      String status,
      String source,
      String category,
      String contractReference,
      String providerName,
      Instant occurredAt,
      Instant initialReportDueAt,
      Instant initialReportAt,
      Instant reportingFormDueAt,
      Instant reportingFormAt,
      Instant closedAt,
      String href) {

    static IncidentSummary of(SeriousIncident i) {
      return new IncidentSummary(
          i.incidentNumber(),
          i.status(),
          i.source(),
          i.category(),
          i.contractReference(),
          i.providerName(),
          i.occurredAt(),
          i.initialReportDueAt(),
          i.initialReportAt(),
          i.reportingFormDueAt(),
          i.reportingFormAt(),
          i.closedAt(),
          "/api/incidents/" + i.incidentNumber());
    }
  }

  public record Deadlines(Instant initialReportDueAt, Instant reportingFormDueAt) {}

  /** What arrived when. */
  public record Received(
      Instant initialReportAt,
      Instant reportingFormAt,
      int updatesReceived,
      Instant lastUpdateAt) {}

  /**
   * Seed 002 §12.4: the initial report's narrative, which names people: shown with the service
   * user's details.
   */
  public record Report(
      String description,
      String partiesInvolved,
      String emergencyServices,
      String immediateAction,
      String furtherAction,
      String howCouncilLearnt) {}

  /**
   * Personal details: the council teams given them ({@code commissioning.access}) and the provider
   * concerned.
   */
  public record ServiceUser(String name, String lbbId, String group) {}

  public record Breach(
      String requirement, String kind, Instant dueAt, Instant recordedAt, String detail) {
    static Breach of(DeadlineBreach b) {
      return new Breach(b.requirement(), b.kind().name(), b.dueAt(), b.recordedAt(), b.detail());
    }
  }

  public record SafeguardingAlert(
      String raisedBy, Instant awareAt, Instant alertedAt, Instant screenedAt) {}

  /** A step of the case as the engine recorded it; for council staff only. */
  public record Step(
      String activityId, String name, Instant startedAt, Instant endedAt, boolean cancelled) {}

  public record Closure(Instant closedAt, String outcome, String lessonsLearned) {}

  /**
   * @param sourceComplaint the complaint whose safeguarding alert opened the case (seed 002 §12.3);
   *     a reference only, which names nobody
   */
  public record IncidentDetails(
      String incidentNumber,
      String status,
      String source,
      String sourceComplaint,
      String category,
      String categoryLabel,
      String contractReference,
      String contractTitle,
      String providerName,
      Instant occurredAt,
      Instant providerAwareAt,
      Instant openedAt,
      String openedBy,
      boolean safeguardingSuspected,
      boolean riddorReportable,
      Deadlines deadlines,
      Received received,
      List<Breach> breaches,
      SafeguardingAlert safeguardingAlert,
      Report report,
      ServiceUser serviceUser,
      Closure closure,
      List<Step> steps) {}
}
