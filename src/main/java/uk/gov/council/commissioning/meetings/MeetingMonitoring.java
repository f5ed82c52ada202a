package uk.gov.council.commissioning.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.meetings.MonthFigures.ProviderFigures;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.security.Roles;

/**
 * Seed 001 Part 3.1 §2: "The Contract Management Meeting Schedule is reviewed monthly" and the
 * contracts manager is told each month the "Number of Contract Management Meetings planned for the
 * month, versus number completed, % compliance to schedule" ({@link ComplianceToSchedule}).
 */
@Service
@RequiredArgsConstructor
public class MeetingMonitoring {

  /** A month as officers write it: "March 2027". */
  public static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private final MeetingRegister register;
  private final CaseMail mail;
  private final RecipientDirectory recipients;
  private final Clock clock;

  /** The month's figures as {@code user} may see them. */
  @Transactional(readOnly = true)
  public MonthFigures figures(YearMonth month, Actor user) {
    List<Meeting> meetings =
        ProviderScope.visible(
            user,
            groups -> register.meetingsBetween(month.atDay(1), month.atEndOfMonth(), groups),
            () -> register.meetingsIn(month));
    Map<Long, ComplianceToSchedule> byProvider = register.figures(meetings);
    Map<Long, String> names =
        meetings.stream()
            .collect(Collectors.toMap(Meeting::providerId, Meeting::providerName, (a, b) -> a));
    List<ProviderFigures> providers =
        byProvider.entrySet().stream()
            .map(e -> new ProviderFigures(e.getKey(), names.get(e.getKey()), e.getValue()))
            .sorted(Comparator.comparing(ProviderFigures::providerName))
            .toList();
    ComplianceToSchedule total =
        providers.stream()
            .map(ProviderFigures::figures)
            .reduce(ComplianceToSchedule.of(0, 0), ComplianceToSchedule::plus);
    return new MonthFigures(month, total, providers, meetings);
  }

  /** A meeting as {@code user} may see it; another provider's is not found. */
  @Transactional(readOnly = true)
  public java.util.Optional<Meeting> meeting(long id, Actor user) {
    return ProviderScope.find(user, register.meeting(id), Meeting::providerGroup);
  }

  /** The meetings dated in the year, as {@code user} may see them. */
  @Transactional(readOnly = true)
  public List<Meeting> meetingsIn(java.time.Year year, Actor user) {
    LocalDate from = year.atDay(1);
    LocalDate to = year.atMonth(12).atEndOfMonth();
    return ProviderScope.visible(
        user,
        groups -> register.meetingsBetween(from, to, groups),
        () -> register.meetingsBetween(from, to));
  }

  /** The provider's meetings, newest first; none when {@code user} may not see them. */
  @Transactional(readOnly = true)
  public List<Meeting> meetingsOfProvider(long providerId, Actor user) {
    return register.meetingsOfProvider(providerId).stream()
        .filter(m -> ProviderScope.sees(user, m.providerGroup()))
        .toList();
  }

  /**
   * §2: the meetings {@code user} may see that are still planned though their day is before {@code
   * day}: not held when due.
   */
  @Transactional(readOnly = true)
  public List<Meeting> notHeldBefore(LocalDate day, Actor user) {
    return ProviderScope.visible(
        user,
        groups -> register.notHeldBefore(day, groups),
        () -> register.notHeldBefore(day, null));
  }

  /**
   * §2: a purchasing officer records that a planned meeting was held. A day that cannot be read or
   * is still to come is refused naming {@code heldOn}, and nothing changes.
   *
   * @return false when the meeting was already recorded as held
   */
  @Transactional
  public boolean recordHeld(Meeting meeting, String heldOn, String by) {
    LocalDate day;
    try {
      day = heldOn == null ? null : LocalDate.parse(heldOn.strip());
    } catch (java.time.format.DateTimeParseException e) {
      day = null;
    }
    if (day == null) {
      throw new uk.gov.council.commissioning.web.InvalidRequestException(
          "heldOn", "is required: the day the meeting was held, as yyyy-mm-dd");
    }
    if (day.isAfter(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK))) {
      throw new uk.gov.council.commissioning.web.InvalidRequestException(
          "heldOn", day + " is still to come: record a meeting once it has been held");
    }
    return register.recordHeld(meeting.id(), day, by);
  }

  /** On the configured day each month, last month's figures go to the contracts managers. */
  @Scheduled(cron = "${commissioning.meetings.monitoring-cron}", zone = "Europe/London")
  public void monthly() {
    report(
        YearMonth.from(LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK)).minusMonths(1));
  }

  /**
   * Emails the month's figures to the contracts managers (who include them in the information for
   * the Core Strategy Group), once per month however often it is called.
   */
  @Transactional
  public MonthFigures report(YearMonth month) {
    MonthFigures figures = figures(month, Actor.engine());
    String lines =
        figures.providers().isEmpty()
            ? "No contract management meetings were planned for the month."
            : figures.providers().stream()
                .map(
                    p ->
                        "- "
                            + p.providerName()
                            + ": "
                            + p.figures().held()
                            + " of "
                            + p.figures().planned()
                            + " held ("
                            + p.figures().percentText()
                            + ")")
                .collect(Collectors.joining("\n"));
    mail.sendFor(
        month.toString(),
        "meetings/monthly-compliance",
        recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS),
        Map.of(
            "month", MONTH.format(month),
            "monthCode", month.toString(),
            "planned", figures.total().planned(),
            "held", figures.total().held(),
            "compliance", figures.total().percentText(),
            "providers", lines));
    return figures;
  }
}
