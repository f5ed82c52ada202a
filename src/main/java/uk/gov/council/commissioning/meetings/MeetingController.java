package uk.gov.council.commissioning.meetings;

import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.meetings.MeetingPriorities.ContractPriority;
import uk.gov.council.commissioning.meetings.MeetingRegister.Schedule;
import uk.gov.council.commissioning.meetings.ScheduleDraft.DraftMeeting;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * Contract management meetings over REST (seed 001 Part 3.1 §1-§2): priority levels, the planned
 * meetings, the annual schedule and the month's compliance to schedule. Reads are open to every
 * signed-in user (the class's {@code isAuthenticated()}) and filtered with {@link ProviderScope}: a
 * provider's user sees its own organisation's contracts and meetings, and another's answer 404.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/meetings")
@RequiredArgsConstructor
class MeetingController {

  private static final String STAFF_WHO_RECORD =
      "@access.staffIn(authentication, 'contract-management-leads', 'contracts-managers',"
          + " 'commissioning-officers')";

  private final MeetingMonitoring monitoring;
  private final MeetingPriorities priorities;
  private final MeetingRegister register;
  private final ContractService contracts;
  private final MeetingCaseStarts caseStarts;
  private final MeetingActions actions;

  record CaseStarted(long meetingId, String businessKey, String processInstanceId) {}

  record PriorityRequest(String priority, String reason) {}

  record HeldRequest(String heldOn) {}

  record ScheduleView(
      int year, String status, int csgRound, String csgComments, List<DraftMeeting> meetings) {}

  /** The meetings dated in a year. */
  @GetMapping
  public List<Meeting> meetings(@RequestParam(required = false) String year, Authentication user) {
    return monitoring.meetingsIn(year(year), Actor.of(user));
  }

  @GetMapping("/{id}")
  public Meeting meeting(@PathVariable String id, Authentication user) {
    return visibleMeeting(id, user);
  }

  /** §2: a planned meeting was held. */
  @PostMapping("/{id}/held")
  @PreAuthorize(STAFF_WHO_RECORD)
  public Meeting held(
      @PathVariable String id,
      @RequestBody(required = false) HeldRequest body,
      Authentication user) {
    Meeting meeting = visibleMeeting(id, user);
    if (!monitoring.recordHeld(meeting, body == null ? null : body.heldOn(), user.getName())) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Meeting " + meeting.id() + " is already recorded as held");
    }
    return visibleMeeting(id, user);
  }

  /**
   * §3: opens the meeting's case now (the approved schedule opens one for each of its meetings;
   * this is for a meeting planned another way). A meeting held, in the past or with a case running
   * is refused.
   */
  @PostMapping("/{id}/case")
  @PreAuthorize(STAFF_WHO_RECORD)
  public org.springframework.http.ResponseEntity<CaseStarted> startCase(
      @PathVariable String id, Authentication user) {
    Meeting meeting = visibleMeeting(id, user);
    String instance = caseStarts.start(meeting.id());
    return org.springframework.http.ResponseEntity.created(
            java.net.URI.create("/api/meetings/" + meeting.id()))
        .body(new CaseStarted(meeting.id(), MeetingCaseStarts.businessKey(meeting.id()), instance));
  }

  /** §3.5: the actions of the meeting's minutes, each with its owner and target date. */
  @GetMapping("/{id}/actions")
  public List<MeetingAction> actions(@PathVariable String id, Authentication user) {
    return actions.of(visibleMeeting(id, user).id());
  }

  /** §2: planned against held, and the % compliance to schedule, for a month. */
  @GetMapping("/compliance")
  public MonthFigures compliance(
      @RequestParam(required = false) String month, Authentication user) {
    return monitoring.figures(month(month), Actor.of(user));
  }

  /** §1: each contract's priority level. */
  @GetMapping("/priorities")
  public List<ContractPriority> priorities(Authentication user) {
    List<Contract> visible =
        ProviderScope.visible(user, contracts::findByProviderGroups, contracts::findAll);
    return visible.stream().map(priorities::of).toList();
  }

  /** §1: the contracts manager and purchasing officers decide a contract's priority level. */
  @PutMapping("/priorities/{contractReference}")
  @PreAuthorize(STAFF_WHO_RECORD)
  public ContractPriority setPriority(
      @PathVariable String contractReference,
      @RequestBody(required = false) PriorityRequest body,
      Authentication user) {
    Contract contract =
        contracts
            .findByReference(contractReference)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No contract " + contractReference));
    return priorities.set(
        contract,
        body == null ? null : body.priority(),
        body == null ? null : body.reason(),
        user.getName());
  }

  /** §1: a year's schedule as drafted, adjusted or approved. */
  @GetMapping("/schedules/{year}")
  @PreAuthorize("@access.seesCases(authentication, 'contract-management-schedule')")
  public ScheduleView schedule(@PathVariable String year) {
    Schedule schedule =
        register
            .schedule(year(year))
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No schedule for " + year));
    return new ScheduleView(
        schedule.year(),
        schedule.status(),
        schedule.csgRound(),
        schedule.csgComments(),
        register.entries(schedule.id()));
  }

  private Meeting visibleMeeting(String id, Authentication user) {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("id", "must be a meeting number");
    }
    return monitoring
        .meeting(number, Actor.of(user))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No meeting " + id));
  }

  private static Year year(String text) {
    return MeetingPeriods.year(text);
  }

  private static YearMonth month(String text) {
    return MeetingPeriods.month(text);
  }
}
