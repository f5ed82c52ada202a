package uk.gov.council.commissioning.meetingplans;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.meetingplans.MeetingFollowUpStarts.Started;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;

/**
 * Improvement plans from contract management meetings over REST (seed 001 Part 3.1 §5). Reads are
 * open to every signed-in user (the class's {@code isAuthenticated()}) and filtered with {@link
 * ProviderScope}: a provider's user sees its own organisation's plans, and another's plan answers
 * 404 as one that does not exist, as another's meeting does. The plan itself is written and agreed
 * in Tasklist.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/meeting-plans")
@RequiredArgsConstructor
class MeetingPlanController {

  static final String STAFF_WHO_START =
      "@access.staffIn(authentication, 'contract-management-leads', 'contracts-managers',"
          + " 'commissioning-officers')";

  private final MeetingImprovementPlans plans;
  private final MeetingFollowUpStarts starts;

  record StartRequest(Object meetingId) {}

  /**
   * The plans the user may see; with {@code contractReference}, that contract's open plans with
   * their progress, as the next meeting reviews them.
   */
  @GetMapping
  public List<MeetingPlan> plans(
      @RequestParam(required = false) String contractReference, Authentication user) {
    List<MeetingPlan> found =
        contractReference == null || contractReference.isBlank()
            ? plans.visibleTo(Actor.of(user))
            : plans.toReview(contractReference.strip());
    return found.stream().filter(p -> ProviderScope.sees(user, p.providerGroup())).toList();
  }

  @GetMapping("/{meetingId}")
  public MeetingPlan plan(@PathVariable String meetingId, Authentication user) {
    long id = MeetingIds.parse(meetingId);
    return ProviderScope.find(user, plans.ofMeeting(id), MeetingPlan::providerGroup)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No improvement plan for meeting " + id));
  }

  /** Starts the plan after a meeting (the meeting process does this when the meeting is over). */
  @PostMapping
  @PreAuthorize(STAFF_WHO_START)
  @ResponseStatus(HttpStatus.CREATED)
  public Started start(@RequestBody(required = false) StartRequest body) {
    Started started =
        starts.startMeetingImprovementPlan(
            MeetingIds.required(body == null ? null : body.meetingId()));
    if (!started.created()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "The meeting already has its improvement plan " + started.businessKey());
    }
    return started;
  }
}
