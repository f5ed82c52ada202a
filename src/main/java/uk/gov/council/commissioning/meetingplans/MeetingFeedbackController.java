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
import uk.gov.council.commissioning.meetings.MeetingPeriods;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;

/**
 * The providers' feedback on the contract management meeting process over REST (seed 001 Part 3.1
 * §6). The surveys are open to every signed-in user (the class's {@code isAuthenticated()}),
 * filtered with {@link ProviderScope}; another provider's survey answers 404 as one that does not
 * exist, as another's meeting does. The year's summary for the Core Strategy Group is for council
 * staff (a provider's user is refused, 403).
 */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/meeting-feedback")
@RequiredArgsConstructor
class MeetingFeedbackController {

  static final String STAFF_WHO_READ_SUMMARY = "@access.readsMeetingFeedback(authentication)";

  private final MeetingFeedbackReports reports;
  private final MeetingFollowUpStarts starts;

  record StartRequest(Object meetingId) {}

  /** The surveys after the year's meetings (answered, lapsed, open or skipped). */
  @GetMapping
  public List<MeetingFeedback> surveys(
      @RequestParam(required = false) String year, Authentication user) {
    return reports.visibleTo(MeetingPeriods.year(year), Actor.of(user));
  }

  /** §6: the year's answers summarised and quantified, for the Core Strategy Group. */
  @GetMapping("/summary")
  @PreAuthorize(STAFF_WHO_READ_SUMMARY)
  public FeedbackSummary summary(@RequestParam(required = false) String year) {
    return reports.summary(MeetingPeriods.year(year));
  }

  @GetMapping("/{meetingId}")
  public MeetingFeedback survey(@PathVariable String meetingId, Authentication user) {
    long id = MeetingIds.parse(meetingId);
    return ProviderScope.find(user, reports.ofMeeting(id), MeetingFeedback::providerGroup)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No survey for meeting " + id));
  }

  /** Starts the survey after a meeting (the meeting process does this when the meeting is over). */
  @PostMapping
  @PreAuthorize(MeetingPlanController.STAFF_WHO_START)
  @ResponseStatus(HttpStatus.CREATED)
  public Started start(@RequestBody(required = false) StartRequest body) {
    Started started =
        starts.startMeetingFeedbackSurvey(
            MeetingIds.required(body == null ? null : body.meetingId()));
    if (!started.created()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "The meeting already has its survey " + started.businessKey());
    }
    return started;
  }
}
