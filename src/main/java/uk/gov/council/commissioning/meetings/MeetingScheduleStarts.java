package uk.gov.council.commissioning.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CaseStarts;

/**
 * Nobody has to remember the schedule: each December (seed 001 Part 3.1 §1, {@code
 * commissioning.meetings.schedule-cron}) next year's schedule case starts, unless that year's
 * schedule is already running or approved.
 */
@Service
@RequiredArgsConstructor
public class MeetingScheduleStarts {

  private final CaseStarts cases;
  private final MeetingRegister register;
  private final Clock clock;

  @Scheduled(cron = "${commissioning.meetings.schedule-cron}", zone = "Europe/London")
  public void december() {
    startFor(Year.from(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK)).plusYears(1));
  }

  /**
   * Starts the year's schedule case.
   *
   * @return its process instance id; empty when the year's schedule is running or approved already
   */
  public Optional<String> startFor(Year year) {
    String key = MeetingScheduleSteps.businessKey(year);
    boolean approved =
        register.schedule(year).map(s -> "APPROVED".equals(s.status())).orElse(false);
    if (approved || cases.isOpen(MeetingScheduleSteps.PROCESS_KEY, key)) {
      return Optional.empty();
    }
    return Optional.of(
        cases
            .startAsSystem(
                MeetingScheduleSteps.PROCESS_KEY,
                key,
                Map.of(MeetingScheduleSteps.YEAR, year.getValue()))
            .getId());
  }
}
