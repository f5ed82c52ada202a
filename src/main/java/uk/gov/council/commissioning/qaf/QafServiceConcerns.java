package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.complaints.ComplaintHistory;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.compliance.PerformanceReturnHistory;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.incidents.IncidentHistory;
import uk.gov.council.commissioning.procurement.ProcurementReviews;
import uk.gov.council.commissioning.qaf.QafProperties.VisitTriggers;
import uk.gov.council.commissioning.safeguarding.SafeguardingHistory;

/**
 * Validation-visit triggers 3 and 4 (seed 001 Part 3.3 §3.3), pre-answered from what the system
 * holds. Trigger 3, "Concerns over the service, eg complaints or inadequate information on the
 * Performance Indicators": the provider's complaints, serious incidents, safeguarding alerts and
 * recorded breaches over the assessment year (the histories the compliance audit's desk-top view
 * reads, seed 001 Part 3.1 §3.2), its late performance returns and KPIs below their trigger.
 * Trigger 4, "services being reviewed in accordance with the procurement timetable": procurements
 * under way for the contract or its service area. Each source counts once it reaches its threshold
 * ({@code commissioning.qaf.visit-triggers}). The officer may answer otherwise, with a reason.
 */
@Component
@RequiredArgsConstructor
class QafServiceConcerns {

  private final ComplaintHistory complaints;
  private final IncidentHistory incidents;
  private final SafeguardingHistory safeguarding;
  private final DeadlineBreaches breaches;
  private final PerformanceReturnHistory returns;
  private final ProcurementReviews procurements;
  private final ContractService contracts;
  private final QafProperties properties;
  private final Clock clock;

  /** What the system holds for the provider in the assessment year, and the answers it suggests. */
  record Held(
      VisitTriggers thresholds,
      Instant since,
      int complaints,
      int seriousIncidents,
      int safeguardingAlerts,
      int breaches,
      int lateReturns,
      int kpisBelowTrigger,
      List<String> procurements) {

    /** Trigger 3: any source that reaches its threshold is a concern over the service. */
    boolean concerns() {
      return VisitTriggers.reaches(complaints, thresholds.complaints())
          || VisitTriggers.reaches(seriousIncidents, thresholds.seriousIncidents())
          || VisitTriggers.reaches(safeguardingAlerts, thresholds.safeguardingAlerts())
          || VisitTriggers.reaches(breaches, thresholds.breaches())
          || VisitTriggers.reaches(lateReturns, thresholds.lateReturns())
          || VisitTriggers.reaches(kpisBelowTrigger, thresholds.kpisBelowTrigger());
    }

    /** Trigger 4: the service is being reviewed under the procurement timetable. */
    boolean procurementReview() {
      return VisitTriggers.reaches(procurements.size(), thresholds.procurementReviews());
    }

    /** The counts behind trigger 3 as the officer reads them on the form. */
    String text() {
      return "In the assessment year before the review: %d complaint(s), %d serious incident(s),"
              .formatted(complaints, seriousIncidents)
          + " %d safeguarding alert(s), %d missed or late deadline(s),"
              .formatted(safeguardingAlerts, breaches)
          + " %d late performance return(s), %d KPI value(s) below trigger. Suggested answer: %s."
              .formatted(lateReturns, kpisBelowTrigger, concerns() ? "yes" : "no");
    }

    /** The evidence behind trigger 4. */
    String procurementText() {
      return (procurements.isEmpty()
              ? "No procurement under way for this contract or its service area."
              : "%d procurement(s) under way for this contract or its service area: %s."
                  .formatted(procurements.size(), String.join(", ", procurements)))
          + " Suggested answer: "
          + (procurementReview() ? "yes" : "no")
          + ".";
    }
  }

  /** What the system holds for the QAF's provider and contract. */
  Held of(QafAssessment q) {
    VisitTriggers thresholds = properties.visitTriggers();
    long providerId = q.providerId();
    Instant since =
        clock.instant().atZone(WorkingDayCalendar.UK).minus(thresholds.lookBack()).toInstant();
    PerformanceReturnHistory.Held pis =
        returns.since(providerId, since.atZone(WorkingDayCalendar.UK).toLocalDate());
    String serviceArea =
        contracts.findByReference(q.contractReference()).map(c -> c.serviceArea()).orElse(null);
    return new Held(
        thresholds,
        since,
        complaints.since(providerId, since).size(),
        incidents.since(providerId, since).size(),
        safeguarding.since(providerId, since).size(),
        breaches.ofProviderSince(providerId, since).size(),
        pis.lateReturns(),
        pis.kpisBelowTrigger(),
        procurements.underWay(q.contractReference(), serviceArea));
  }
}
