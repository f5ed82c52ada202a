package uk.gov.council.commissioning.meetings;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A contract management meeting as its case sees it (seed 001 Part 3.1 §3-§4): the planned meeting
 * and what the case has recorded so far.
 *
 * @param providerEmail the provider's contact address in the register; null when none
 * @param meetingTime the time agreed with the provider, "HH:MM"; null until agreed
 * @param letterSentAt when the letter telling the provider went; null until then
 */
record MeetingCase(
    long id,
    long contractId,
    String contractReference,
    String contractTitle,
    String providerName,
    String providerGroup,
    String providerEmail,
    LocalDate meetingDate,
    String meetingTime,
    String venue,
    String status,
    String processInstanceId,
    Instant letterSentAt,
    Boolean complianceAuditNeeded,
    LocalDate complianceAuditDate,
    String areasToEvidence,
    String providerAgendaItems,
    String agenda,
    String priorityReassigned,
    String priorityReason) {

  /** The case's business key. */
  String businessKey() {
    return MeetingCaseStarts.businessKey(id);
  }
}
