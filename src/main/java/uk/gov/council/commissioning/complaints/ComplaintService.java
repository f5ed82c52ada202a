package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.complaints.ComplaintVariables.CASE_TYPE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.incidents.ComplaintIncidents;
import uk.gov.council.commissioning.safeguarding.SafeguardingAlerts;
import uk.gov.council.commissioning.safeguarding.SafeguardingConcern;

/**
 * Records what happens to a complaint, in the caller's transaction: the facts on the complaint row,
 * the deadlines it missed, and the safeguarding alert it may raise.
 */
@Service
@RequiredArgsConstructor
class ComplaintService {

  /** What was due, as recorded against a breach. */
  public static final String ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";

  public static final String RESPONSE = "RESPONSE";
  public static final String RESOLUTION = "RESOLUTION";
  public static final String WRITTEN_REPORT = "WRITTEN_REPORT";

  private final ComplaintRepository repository;
  private final DeadlineBreaches breaches;
  private final SafeguardingAlerts safeguardingAlerts;
  private final ComplaintDeadlines deadlines;
  private final Deadlines caseDeadlines;
  private final ComplaintIncidents incidents;
  private final ComplaintProperties properties;
  private final Clock clock;

  @Transactional(readOnly = true)
  public Complaint get(String number) {
    return repository
        .findByNumber(number)
        .orElseThrow(() -> new IllegalStateException("No complaint " + number + " is recorded"));
  }

  /**
   * The complaint a process instance handles: how steps find theirs, never by a variable a form
   * could change.
   */
  @Transactional(readOnly = true)
  public Complaint ofProcessInstance(String processInstanceId) {
    return repository
        .findByProcessInstance(processInstanceId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No complaint is recorded for process instance " + processInstanceId));
  }

  @Transactional(readOnly = true)
  /** The serious incident the complaint's safeguarding alert opened (seed 002 §12.3); or null. */
  public String seriousIncidentOf(Complaint complaint) {
    return complaint.safeguardingRaised()
        ? incidents.incidentOf(complaint.number()).orElse(null)
        : null;
  }

  public List<DeadlineBreach> breachesOf(Complaint complaint) {
    return breaches.ofCase(CASE_TYPE, complaint.number());
  }

  @Transactional
  public void acknowledged(Complaint c, Instant at) {
    repository.setAcknowledged(c.id(), at);
    receivedWithinTimer(c, ACKNOWLEDGEMENT, c.acknowledgeDueAt(), at, "Acknowledged");
  }

  /** The council's stage 1 reply (App K). */
  @Transactional
  public void responded(Complaint c, Instant at) {
    repository.setResolved(c.id(), at);
    received(c, RESPONSE, c.respondDueAt(), at, "Response sent");
  }

  /** The provider resolved it by discussion (§13.5, App C 4.3). */
  @Transactional
  public void resolved(Complaint c, Instant at) {
    repository.setResolved(c.id(), at);
    receivedWithinTimer(c, RESOLUTION, c.respondDueAt(), at, "Resolved");
  }

  /**
   * More time for the council's reply, the complainant having been told (App K). The first due date
   * stays on record.
   *
   * @return the new deadline: the end of {@code newResponseDay}
   */
  @Transactional
  public Instant extendResponse(Complaint c, LocalDate newResponseDay) {
    Instant due = caseDeadlines.reschedule(ref(c), RESPONSE, newResponseDay, "002 App K");
    repository.extendResponse(c.id(), due);
    return due;
  }

  /**
   * Discussions failed (§13.5): the provider now owes the council a full written report.
   *
   * @return when the report is due
   */
  @Transactional
  public Instant unresolved(Complaint c, Instant at) {
    Instant due = caseDeadlines.schedule(ref(c), WRITTEN_REPORT, deadlines.writtenReport(), at);
    repository.setWrittenReportDue(c.id(), due);
    return due;
  }

  @Transactional
  public void writtenReportReceived(Complaint c, Instant at) {
    repository.setWrittenReport(c.id(), at);
    if (c.writtenReportDueAt() != null) {
      received(c, WRITTEN_REPORT, c.writtenReportDueAt(), at, "Written report received");
    }
  }

  @Transactional
  public void investigatorAssigned(Complaint c, String userId) {
    repository.setInvestigator(c.id(), userId);
  }

  /** App K stage 2: the complainant remains dissatisfied with the council's response. */
  @Transactional
  public void stageTwo(Complaint c) {
    repository.setStage(c.id(), 2);
  }

  @Transactional
  public void ombudsmanInformationSent(Complaint c, LocalDate on) {
    repository.setOmbudsmanInformationSent(c.id(), on);
  }

  @Transactional
  public void close(Complaint c, String outcomeCode, String outcome) {
    repository.close(c.id(), clock.instant(), outcomeCode, outcome);
  }

  /** A deadline passed with nothing received. Recorded once, however often the timer fires. */
  @Transactional
  public void missed(Complaint c, String requirement, Instant due) {
    caseDeadlines.missed(
        ref(c),
        requirement,
        c.breachProviderId(),
        describe(requirement) + " due " + deadlines.describe(due) + " not received");
  }

  private static CaseRef ref(Complaint c) {
    return new CaseRef(CASE_TYPE, c.number(), c.processInstanceId());
  }

  /**
   * Starts the safeguarding route (seed 002 §10.3-10.5, App C 5.2) for a concern this complaint
   * revealed. The complaint carries on; the alert is a case of its own with the complaint's number
   * as business key. Once per complaint.
   *
   * @param raisedBy {@link SafeguardingConcern#PROVIDER} when the provider recorded it (it counts
   *     towards the provider's 12-hour alert figure), otherwise {@link SafeguardingConcern#COUNCIL}
   * @return the alert's process instance id
   */
  @Transactional
  public String raiseSafeguarding(Complaint c, String raisedBy, Instant awareAt, String summary) {
    Instant alertedAt = clock.instant();
    String alert =
        safeguardingAlerts.raise(
            new SafeguardingConcern(
                SafeguardingConcern.COMPLAINT,
                c.number(),
                c.providerId(),
                c.providerGroup(),
                raisedBy,
                awareAt.isAfter(alertedAt) ? alertedAt : awareAt,
                alertedAt,
                summary,
                c.processInstanceId()));
    repository.setSafeguardingRaised(c.id());
    // Seed 002 §12.3: the same matter is also a serious incident for the provider.
    if (properties.safeguardingOpensIncident() && c.contractReference() != null) {
      incidents.openFromComplaint(c.number(), c.contractReference(), awareAt, alert);
    }
    return alert;
  }

  /**
   * As {@link #received}; and what was done by its deadline but recorded after the timer fired was
   * not missed: the MISSED breach the timer recorded is withdrawn. Not for the council's response,
   * whose due date an extension can move after the first one was missed.
   */
  private void receivedWithinTimer(
      Complaint c, String requirement, Instant due, Instant at, String what) {
    received(c, requirement, due, at, what);
    if (!at.isAfter(due)) {
      breaches.withdraw(CASE_TYPE, c.number(), requirement, Kind.MISSED);
    }
  }

  /** The deadline is met; done after {@code due}, it is also recorded as late. */
  private void received(Complaint c, String requirement, Instant due, Instant at, String what) {
    caseDeadlines.met(ref(c), requirement, at);
    lateIfAfter(c, requirement, due, at, what);
  }

  private void lateIfAfter(Complaint c, String requirement, Instant due, Instant at, String what) {
    if (at.isAfter(due)) {
      breaches.record(
          CASE_TYPE,
          c.number(),
          c.breachProviderId(),
          requirement,
          Kind.LATE,
          due,
          clock.instant(),
          what + " " + deadlines.describe(at) + "; due " + deadlines.describe(due));
    }
  }

  private static String describe(String requirement) {
    return switch (requirement) {
      case ACKNOWLEDGEMENT -> "Acknowledgement";
      case RESPONSE -> "Stage 1 response";
      case RESOLUTION -> "Resolution";
      case WRITTEN_REPORT -> "Full written report";
      default -> requirement;
    };
  }
}
