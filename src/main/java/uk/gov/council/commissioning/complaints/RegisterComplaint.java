package uk.gov.council.commissioning.complaints;

import static uk.gov.council.commissioning.complaints.ComplaintVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.complaints.ComplaintRepository.NewComplaint;
import uk.gov.council.commissioning.complaints.ComplaintValidator.Registration;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractCaseVariables;
import uk.gov.council.commissioning.deadlines.CaseRef;
import uk.gov.council.commissioning.deadlines.DeadlineRule;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.safeguarding.SafeguardingConcern;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.Actors;

/**
 * First step of every complaint, in the transaction that starts it: a refusal here means nothing is
 * created. Records the complaint with its deadlines, numbers it (the business key) and raises a
 * safeguarding alert when the complaint reveals a concern.
 */
@Component("registerComplaint")
@RequiredArgsConstructor
public class RegisterComplaint implements JavaDelegate {

  private final ComplaintValidator validator;
  private final ComplaintRepository repository;
  private final ComplaintService complaints;
  private final ComplaintDeadlines deadlines;
  private final ComplaintNotifications notifications;
  private final Actors actors;
  private final Deadlines caseDeadlines;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  @Override
  public void execute(DelegateExecution execution) {
    Actor recorder = actors.startingUser(execution.getVariable(RECORDED_BY));
    // A start variable of the same name must not stand for the signed-in user in the case either.
    if (recorder.userId() != null
        && !recorder.userId().equals(execution.getVariable(RECORDED_BY))) {
      execution.setVariable(RECORDED_BY, recorder.userId());
    }
    Registration registration = validator.check(execution, recorder);

    Instant received = registration.receivedAt();
    boolean providerRoute = Complaint.PROVIDER.equals(registration.route());
    DeadlineRule acknowledgement = deadlines.acknowledgement(providerRoute);
    DeadlineRule response = deadlines.response(providerRoute);
    Instant acknowledgeDue = acknowledgement.dueFrom(received, calendar);
    Instant respondDue = response.dueFrom(received, calendar);
    Contract contract = registration.contract().orElse(null);

    String number =
        repository.insert(
            new NewComplaint(
                execution.getProcessInstanceId(),
                registration.route(),
                contract == null ? null : contract.provider().id(),
                contract == null ? null : contract.id(),
                received,
                clock.instant(),
                recorder.userId(),
                acknowledgeDue,
                respondDue,
                false));
    execution.setProcessBusinessKey(number);
    CaseRef ref = new CaseRef(CASE_TYPE, number, execution.getProcessInstanceId());
    caseDeadlines.schedule(ref, ComplaintService.ACKNOWLEDGEMENT, acknowledgement, received);
    caseDeadlines.schedule(
        ref,
        providerRoute ? ComplaintService.RESOLUTION : ComplaintService.RESPONSE,
        response,
        received);

    Map<String, Object> variables = new HashMap<>();
    variables.put(COMPLAINT_NUMBER, number);
    variables.put(ROUTE, registration.route());
    variables.put(RECORDED_BY_PROVIDER, recorder.provider());
    variables.put(RECEIVED, deadlines.describe(received));
    variables.put(ACKNOWLEDGE_DUE_AT, Date.from(acknowledgeDue));
    variables.put(ACKNOWLEDGE_DUE, deadlines.describe(acknowledgeDue));
    variables.put(RESPOND_DUE_AT, Date.from(respondDue));
    variables.put(RESPOND_DUE, deadlines.describe(respondDue));
    variables.put(EXTENSIONS, 0);
    variables.put(SAFEGUARDING_RAISED, false);
    if (contract != null) {
      variables.putAll(ContractCaseVariables.of(contract));
      variables.put(PROVIDER_ID, contract.provider().id());
    }
    execution.setVariables(variables);

    Complaint complaint = complaints.get(number);
    if (registration.safeguardingConcern()) {
      // The complaint revealed the concern: whoever recorded it became aware on receipt.
      String alert =
          complaints.raiseSafeguarding(
              complaint,
              recorder.provider() ? SafeguardingConcern.PROVIDER : SafeguardingConcern.COUNCIL,
              received,
              registration.safeguardingSummary());
      execution.setVariable(SAFEGUARDING_RAISED, true);
      execution.setVariable(SAFEGUARDING_ALERT_ID, alert);
    }
    if (providerRoute && !recorder.provider()) {
      notifications.providerToHandle(execution, complaint);
    }
  }
}
