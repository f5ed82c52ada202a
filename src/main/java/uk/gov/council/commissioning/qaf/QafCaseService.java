package uk.gov.council.commissioning.qaf;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.InvalidRequestException;

/** Starts QAFs (on request and from the meeting schedule) and decides who may see them. */
@Service
@RequiredArgsConstructor
public class QafCaseService {

  public static final String PROCESS_KEY = "qaf-assessment";
  private static final Logger log = LoggerFactory.getLogger(QafCaseService.class);

  private final CaseStarts cases;
  private final QafRegistration registration;
  private final QafRepository repository;
  private final QafProperties periods;
  private final ContractService contracts;

  private final Clock clock;

  /**
   * Checks the request as the process's first step would, then starts the QAF as the given user.
   *
   * @throws InvalidRequestException naming every field at fault; nothing is created
   * @throws QafDuplicateException when the meeting already has a QAF
   */
  @Transactional
  public QafAssessment start(Map<String, Object> request, String userId, List<String> groups) {
    ProcessInstance instance =
        cases.start(
            PROCESS_KEY,
            null,
            request,
            userId,
            groups,
            (form, starter) -> registration.check(form, starter.userId()));
    return repository.findByProcessInstance(instance.getId()).orElseThrow();
  }

  /**
   * Starts a QAF for every scheduled meeting of an active contract whose issue date has come and
   * that has none yet (seed 001 3.3 §2). A meeting that cannot have one (too close to return it in
   * time) is logged and left.
   *
   * @return the QAF numbers started
   */
  public List<String> startDue(LocalDate today) {
    LocalDate lastMeetingDue = today.plus(periods.issueBeforeMeeting());
    List<String> started = new java.util.ArrayList<>();
    for (QafRepository.DueMeeting meeting :
        repository.uncoveredMeetingsBetween(today.plusDays(1), lastMeetingDue)) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("contractReference", meeting.contractReference());
      variables.put("meetingDate", meeting.meetingDate().toString());
      variables.put("variant", "FULL");
      try {
        ProcessInstance instance = cases.startAsSystem(PROCESS_KEY, null, variables);
        repository.findByProcessInstance(instance.getId()).ifPresent(q -> started.add(q.number()));
      } catch (TaskFormException e) {
        log.warn(
            "No QAF started for {} meeting {}: {}",
            meeting.contractReference(),
            meeting.meetingDate(),
            e.getMessage());
      } catch (org.springframework.dao.DataIntegrityViolationException
          | org.camunda.bpm.engine.ProcessEngineException e) {
        // Each start is its own transaction: one meeting that fails (another node started it a
        // moment
        // earlier, say) must not keep the day's other QAFs from being issued.
        log.warn(
            "No QAF started for {} meeting {}",
            meeting.contractReference(),
            meeting.meetingDate(),
            e);
      }
    }
    return started;
  }

  /** Schedules a contract management meeting (seed 001 Part 3.1). */
  @Transactional
  public boolean scheduleMeeting(String contractReference, LocalDate date) {
    long contractId = contractId(contractReference);
    if (date == null) {
      throw new InvalidRequestException("date", "is required");
    }
    if (!date.isAfter(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK))) {
      throw new InvalidRequestException("date", "the meeting must be in the future");
    }
    return repository.scheduleMeeting(contractId, date);
  }

  public List<LocalDate> meetings(String contractReference) {
    return repository.meetings(contractId(contractReference));
  }

  private long contractId(String contractReference) {
    return contracts
        .findByReference(contractReference)
        .map(Contract::id)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "contractReference", "no contract " + contractReference));
  }

  /** Council staff see every QAF; a provider's users only their organisation's. */
  public Optional<QafAssessment> find(String number, Actor user) {
    return ProviderScope.find(user, repository.findByNumber(number), QafAssessment::providerGroup);
  }
}
