package uk.gov.council.commissioning.meetingviews;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.meetingviews.MeetingViews.Overdue;
import uk.gov.council.commissioning.meetingviews.MeetingViews.ProviderHistory;
import uk.gov.council.commissioning.meetingviews.MeetingViews.YearSchedule;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The views over contract management meetings as JSON, beside the meetings' own endpoints: the
 * year's schedule, a provider's meeting history and the overdue list. Open to every signed-in user
 * and filtered as {@code /api/meetings} is: a provider's user sees its own organisation's, and
 * another provider's history is not found (404), as another provider's meeting is.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/meetings")
@RequiredArgsConstructor
class MeetingViewController {

  private final MeetingViews views;

  /** A provider whose history may be read. */
  record ProviderLink(long id, String name, String history) {}

  /**
   * §1: the year's schedule by month; {@code month} (e.g. 2027-03) alone gives that month, and
   * {@code officer} and {@code priority} filter it.
   */
  @GetMapping("/schedule")
  public YearSchedule schedule(
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String month,
      @RequestParam(required = false) String officer,
      @RequestParam(required = false) String priority,
      Authentication user) {
    SchedulePeriod period = SchedulePeriod.of(year, month, null);
    return views.schedule(period.year(), period.month(), officer, priority, Actor.of(user));
  }

  /** The providers whose meeting history the user may read. */
  @GetMapping("/history")
  public List<ProviderLink> providers(Authentication user) {
    return views.providers(Actor.of(user)).stream()
        .map(p -> new ProviderLink(p.id(), p.name(), "/api/meetings/history/" + p.id()))
        .toList();
  }

  /** §3-§5: the provider's meetings, newest first, with their actions and improvement plans. */
  @GetMapping("/history/{providerId}")
  public ProviderHistory history(@PathVariable String providerId, Authentication user) {
    long id = providerId(providerId);
    return views
        .history(id, Actor.of(user))
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No provider " + providerId));
  }

  /** Meetings not held when due, minutes' actions and plan actions past their target date. */
  @GetMapping("/overdue")
  public Overdue overdue(Authentication user) {
    return views.overdue(Actor.of(user));
  }

  static long providerId(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new InvalidRequestException("providerId", "must be a provider number");
    }
  }
}
