package uk.gov.council.commissioning.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.meetings.MeetingRegister.Schedule;

/**
 * Opens the case of a planned contract management meeting (seed 001 Part 3.1 §3: "a need for both
 * Supporting People and the Service Provider to prepare"): for every meeting of an approved
 * schedule ({@code Task_StartMeetingCases}), for a further meeting planned when a provider moves
 * into RED, and on request for one meeting. One case per meeting, business key {@code
 * CMM-<meetingId>}.
 */
@Service
@RequiredArgsConstructor
public class MeetingCaseStarts {

  public static final String PROCESS_KEY = "contract-management-meeting";

  /** The start variable naming the meeting. */
  public static final String MEETING_ID = "meetingId";

  private final CaseStarts cases;
  private final MeetingRegister schedules;
  private final MeetingCaseRegister register;
  private final Clock clock;

  public static String businessKey(long meetingId) {
    return "CMM-" + meetingId;
  }

  /** {@code Task_StartMeetingCases}: a case for each of the approved schedule's meetings. */
  public void startForSchedule(DelegateExecution execution) {
    Schedule schedule = schedules.scheduleOf(execution.getProcessInstanceId());
    List<Long> meetings = register.withoutCase(schedule.id());
    meetings.forEach(this::startCase);
    execution.setVariable("meetingCasesStarted", meetings.size());
  }

  /**
   * Starts the meeting's case on request. A meeting already held, one with a case running, or one
   * dated in the past is refused, and nothing starts.
   *
   * @return the case's process instance id
   */
  @Transactional
  public String start(long meetingId) {
    MeetingCase meeting =
        register
            .find(meetingId)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No meeting " + meetingId));
    if (Meeting.HELD.equals(meeting.status())) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Meeting " + meetingId + " is already recorded as held");
    }
    if (cases.isOpen(PROCESS_KEY, businessKey(meetingId))) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Meeting " + meetingId + " already has a case running");
    }
    if (meeting
        .meetingDate()
        .isBefore(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK))) {
      throw new uk.gov.council.commissioning.web.InvalidRequestException(
          "meetingDate",
          meeting.meetingDate()
              + " is in the past: plan a new meeting rather than prepare this one");
    }
    return startCase(meetingId);
  }

  String startCase(long meetingId) {
    return cases
        .startAsSystem(PROCESS_KEY, businessKey(meetingId), Map.of(MEETING_ID, meetingId))
        .getId();
  }
}
