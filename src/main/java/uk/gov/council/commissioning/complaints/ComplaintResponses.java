package uk.gov.council.commissioning.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.council.commissioning.compliance.DeadlineBreach;

/** JSON shapes of the complaint API; the domain records stay free to change. */
final class ComplaintResponses {

  private ComplaintResponses() {}

  record ComplaintSummary(
      String number,
      String route,
      String status,
      int stage,
      String providerName,
      String contractReference,
      Instant receivedAt,
      Instant acknowledgeDueAt,
      Instant acknowledgedAt,
      Instant respondDueAt,
      Instant resolvedAt,
      Instant closedAt,
      String href) {

    static ComplaintSummary of(Complaint c) {
      return new ComplaintSummary(
          c.number(),
          c.route(),
          c.status(),
          c.stage(),
          c.providerName(),
          c.contractReference(),
          c.receivedAt(),
          c.acknowledgeDueAt(),
          c.acknowledgedAt(),
          c.respondDueAt(),
          c.resolvedAt(),
          c.closedAt(),
          "/api/complaints/" + c.number());
    }
  }

  record ProviderView(long id, String name) {}

  /**
   * @param respondBy the council's stage 1 reply (COUNCIL) or the provider's resolution (PROVIDER),
   *     as extended
   */
  record Deadlines(
      Instant acknowledgeBy,
      Instant respondBy,
      Instant originalRespondBy,
      int extensions,
      Instant writtenReportBy) {}

  record BreachView(
      String requirement,
      DeadlineBreach.Kind kind,
      Instant dueAt,
      Instant recordedAt,
      String detail) {

    static BreachView of(DeadlineBreach b) {
      return new BreachView(b.requirement(), b.kind(), b.dueAt(), b.recordedAt(), b.detail());
    }
  }

  record OutcomeView(String code, String description, LocalDate ombudsmanInformationSentOn) {}

  /**
   * @param resolvedAt when the council sent its stage 1 reply (COUNCIL) or the provider resolved it
   *     (PROVIDER)
   * @param seriousIncident the incident number the complaint's safeguarding alert opened (seed 002
   *     §12.3); null when none
   */
  record ComplaintDetails(
      String number,
      String processInstanceId,
      String route,
      String status,
      int stage,
      ProviderView provider,
      String contractReference,
      Instant receivedAt,
      Instant openedAt,
      String openedBy,
      Deadlines deadlines,
      Instant acknowledgedAt,
      Instant resolvedAt,
      Instant writtenReportAt,
      String investigator,
      boolean safeguardingRaised,
      String seriousIncident,
      OutcomeView outcome,
      Instant closedAt,
      List<BreachView> breaches) {

    static ComplaintDetails of(Complaint c, List<DeadlineBreach> breaches, String seriousIncident) {
      return new ComplaintDetails(
          c.number(),
          c.processInstanceId(),
          c.route(),
          c.status(),
          c.stage(),
          c.providerId() == null ? null : new ProviderView(c.providerId(), c.providerName()),
          c.contractReference(),
          c.receivedAt(),
          c.openedAt(),
          c.openedBy(),
          new Deadlines(
              c.acknowledgeDueAt(),
              c.respondDueAt(),
              c.originalRespondDueAt(),
              c.extensions(),
              c.writtenReportDueAt()),
          c.acknowledgedAt(),
          c.resolvedAt(),
          c.writtenReportAt(),
          c.investigator(),
          c.safeguardingRaised(),
          seriousIncident,
          c.outcomeCode() == null && c.ombudsmanInformationSentOn() == null
              ? null
              : new OutcomeView(c.outcomeCode(), c.outcome(), c.ombudsmanInformationSentOn()),
          c.closedAt(),
          breaches.stream().map(BreachView::of).toList());
    }
  }
}
