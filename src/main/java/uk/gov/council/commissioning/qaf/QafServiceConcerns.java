package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.complaints.ComplaintHistory;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.incidents.IncidentHistory;
import uk.gov.council.commissioning.safeguarding.SafeguardingHistory;

/**
 * Validation-visit trigger 3, "Concerns over the service, eg complaints" (seed 001 Part 3.3 §3.3),
 * pre-answered from what the system holds for the provider over the twelve months before the desk
 * review: the same histories the compliance audit's desk-top view reads (seed 001 Part 3.1 §3.2).
 * The officer may answer otherwise, with a reason.
 */
@Component
@RequiredArgsConstructor
class QafServiceConcerns {

  private final ComplaintHistory complaints;
  private final IncidentHistory incidents;
  private final SafeguardingHistory safeguarding;
  private final DeadlineBreaches breaches;
  private final Clock clock;

  /** What the system holds for the provider in the assessment year, and the answer it suggests. */
  record Held(
      Instant since, int complaints, int seriousIncidents, int safeguardingAlerts, int breaches) {

    /** Any one of them is a concern over the service. */
    boolean concerns() {
      return complaints + seriousIncidents + safeguardingAlerts + breaches > 0;
    }

    /** The counts as the officer reads them on the form. */
    String text() {
      return "In the twelve months before the review: %d complaint(s), %d serious incident(s),"
              .formatted(complaints, seriousIncidents)
          + " %d safeguarding alert(s), %d missed or late deadline(s). Suggested answer: %s."
              .formatted(safeguardingAlerts, breaches, concerns() ? "yes" : "no");
    }
  }

  Held of(long providerId) {
    Instant since = clock.instant().atZone(WorkingDayCalendar.UK).minusMonths(12).toInstant();
    return new Held(
        since,
        complaints.since(providerId, since).size(),
        incidents.since(providerId, since).size(),
        safeguarding.since(providerId, since).size(),
        breaches.ofProviderSince(providerId, since).size());
  }
}
