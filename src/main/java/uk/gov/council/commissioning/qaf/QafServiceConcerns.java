package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.complaints.ComplaintHistory;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.compliance.PerformanceReturnHistory;
import uk.gov.council.commissioning.incidents.IncidentHistory;
import uk.gov.council.commissioning.safeguarding.SafeguardingHistory;

/**
 * Validation-visit trigger 3, "Concerns over the service, eg complaints or inadequate information
 * on the Performance Indicators" (seed 001 Part 3.3 §3.3), pre-answered from what the system holds
 * for the provider over the twelve months before the desk review: the histories the compliance
 * audit's desk-top view reads (seed 001 Part 3.1 §3.2), and its late performance returns and KPIs
 * below their trigger. The officer may answer otherwise, with a reason.
 */
@Component
@RequiredArgsConstructor
class QafServiceConcerns {

  private final ComplaintHistory complaints;
  private final IncidentHistory incidents;
  private final SafeguardingHistory safeguarding;
  private final DeadlineBreaches breaches;
  private final PerformanceReturnHistory returns;
  private final Clock clock;

  /** What the system holds for the provider in the assessment year, and the answer it suggests. */
  record Held(
      Instant since,
      int complaints,
      int seriousIncidents,
      int safeguardingAlerts,
      int breaches,
      int lateReturns,
      int kpisBelowTrigger) {

    /** Any one of them is a concern over the service. */
    boolean concerns() {
      return complaints
              + seriousIncidents
              + safeguardingAlerts
              + breaches
              + lateReturns
              + kpisBelowTrigger
          > 0;
    }

    /** The counts as the officer reads them on the form. */
    String text() {
      return "In the twelve months before the review: %d complaint(s), %d serious incident(s),"
              .formatted(complaints, seriousIncidents)
          + " %d safeguarding alert(s), %d missed or late deadline(s),"
              .formatted(safeguardingAlerts, breaches)
          + " %d late performance return(s), %d KPI value(s) below trigger. Suggested answer: %s."
              .formatted(lateReturns, kpisBelowTrigger, concerns() ? "yes" : "no");
    }
  }

  Held of(long providerId) {
    Instant since = clock.instant().atZone(WorkingDayCalendar.UK).minusMonths(12).toInstant();
    PerformanceReturnHistory.Held pis =
        returns.since(providerId, since.atZone(WorkingDayCalendar.UK).toLocalDate());
    return new Held(
        since,
        complaints.since(providerId, since).size(),
        incidents.since(providerId, since).size(),
        safeguarding.since(providerId, since).size(),
        breaches.ofProviderSince(providerId, since).size(),
        pis.lateReturns(),
        pis.kpisBelowTrigger());
  }
}
