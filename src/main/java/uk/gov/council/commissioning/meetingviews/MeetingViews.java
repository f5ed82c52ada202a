package uk.gov.council.commissioning.meetingviews;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.meetingplans.MeetingImprovementPlans;
import uk.gov.council.commissioning.meetingplans.MeetingPlan;
import uk.gov.council.commissioning.meetings.Meeting;
import uk.gov.council.commissioning.meetings.MeetingAction;
import uk.gov.council.commissioning.meetings.MeetingActions;
import uk.gov.council.commissioning.meetings.MeetingMonitoring;
import uk.gov.council.commissioning.meetings.MeetingsProperties;
import uk.gov.council.commissioning.meetingviews.ScheduleGrouping.Count;
import uk.gov.council.commissioning.meetingviews.ScheduleGrouping.MonthGroup;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The views over contract management meetings (seed 001 Part 3.1 §1-§5), each as its viewer may see
 * it: council staff every provider's, a provider's user only its own organisation's.
 */
@Service
@RequiredArgsConstructor
public class MeetingViews {

  /** Plan states in which the plan, not the minutes, follows the meeting's actions up. */
  private static final Set<String> PLAN_FOLLOWS_UP = Set.of(MeetingPlan.AGREED, MeetingPlan.CLOSED);

  private final MeetingMonitoring monitoring;
  private final MeetingActions actions;
  private final MeetingImprovementPlans plans;
  private final MeetingsProperties properties;
  private final ContractService contracts;
  private final Clock clock;

  /**
   * §1: the year's meetings under month headings, with the officer and priority filters applied,
   * and the year's meetings planned and held per officer and per priority (unfiltered, so each
   * filter shows what it would give).
   *
   * @param month only this month of the year, or null for all twelve
   * @param officer only this officer's contracts ({@link ScheduleGrouping#NO_OFFICER} for those
   *     naming none), or null
   * @param priority only this priority level, or null
   */
  public record YearSchedule(
      int year,
      String month,
      String officer,
      String priority,
      int planned,
      int held,
      List<MonthGroup> months,
      List<Count> byOfficer,
      List<Count> byPriority) {}

  /** §3-§5: one meeting of a provider with the actions of its minutes and its improvement plan. */
  public record MeetingRecord(Meeting meeting, List<MeetingAction> actions, MeetingPlan plan) {}

  /** Every meeting of the provider, newest first. */
  public record ProviderHistory(
      long providerId, String providerName, List<MeetingRecord> meetings) {}

  /** A meeting action from the minutes whose target date has passed. */
  public record OverdueMeetingAction(
      long meetingId,
      LocalDate meetingDate,
      String contractReference,
      String providerName,
      String contractOfficer,
      MeetingAction action,
      long daysOverdue) {}

  /** An improvement-plan action past its target date and not yet validated complete. */
  public record OverduePlanAction(
      long meetingId,
      String caseReference,
      LocalDate meetingDate,
      String contractReference,
      String providerName,
      MeetingPlan.Action action,
      long daysOverdue) {}

  /**
   * What is overdue on {@code asOf}: meetings still planned after their day, minutes' actions past
   * their target date while no agreed plan follows them up, and agreed plans' actions past their
   * target date and not complete.
   */
  public record Overdue(
      LocalDate asOf,
      List<Meeting> meetingsNotHeld,
      List<OverdueMeetingAction> meetingActions,
      List<OverduePlanAction> planActions) {

    public boolean nothing() {
      return meetingsNotHeld.isEmpty() && meetingActions.isEmpty() && planActions.isEmpty();
    }
  }

  /** The configured priority levels in their order. */
  public List<String> priorityLevels() {
    return List.copyOf(properties.priorityLevels().keySet());
  }

  /**
   * The schedule as {@code user} may see it. A priority level that is not configured, or a month
   * outside the year, is refused naming the parameter.
   */
  @Transactional(readOnly = true)
  public YearSchedule schedule(
      Year year, YearMonth month, String officer, String priority, Actor user) {
    String level = priority == null || priority.isBlank() ? null : priority.strip();
    if (level != null && !properties.isConfigured(level)) {
      throw new InvalidRequestException(
          "priority",
          level
              + " is not a configured priority level; the levels are "
              + String.join(", ", priorityLevels()));
    }
    if (month != null && month.getYear() != year.getValue()) {
      throw new InvalidRequestException("month", month + " is not in " + year);
    }
    String who = officer == null || officer.isBlank() ? null : officer.strip();
    List<Meeting> all = monitoring.meetingsIn(year, user);
    List<Meeting> shown =
        all.stream()
            .filter(m -> who == null || who.equals(ScheduleGrouping.officer(m)))
            .filter(m -> level == null || level.equals(m.priority()))
            .filter(m -> month == null || YearMonth.from(m.meetingDate()).equals(month))
            .toList();
    return new YearSchedule(
        year.getValue(),
        month == null ? null : month.toString(),
        who,
        level,
        shown.size(),
        ScheduleGrouping.held(shown),
        ScheduleGrouping.byMonth(year, month, shown),
        ScheduleGrouping.byOfficer(all),
        ScheduleGrouping.byPriority(all, priorityLevels()));
  }

  /** The providers whose history {@code user} may read, by name. */
  @Transactional(readOnly = true)
  public List<Provider> providers(Actor user) {
    return contracts.findAllProviders().stream()
        .filter(p -> ProviderScope.sees(user, p.organisationGroup()))
        .sorted(Comparator.comparing(Provider::name).thenComparingLong(Provider::id))
        .toList();
  }

  /**
   * §3-§5: the provider's meetings with their actions and plans; empty when there is no such
   * provider or {@code user} may not see it (another provider's is not found).
   */
  @Transactional(readOnly = true)
  public Optional<ProviderHistory> history(long providerId, Actor user) {
    return providers(user).stream()
        .filter(p -> p.id() == providerId)
        .findFirst()
        .map(
            p ->
                new ProviderHistory(
                    p.id(),
                    p.name(),
                    monitoring.meetingsOfProvider(p.id(), user).stream()
                        .map(
                            m ->
                                new MeetingRecord(
                                    m, actions.of(m.id()), plans.ofMeeting(m.id()).orElse(null)))
                        .toList()));
  }

  /** What is overdue today, as {@code user} may see it. */
  @Transactional(readOnly = true)
  public Overdue overdue(Actor user) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
    List<MeetingPlan> visiblePlans = plans.visibleTo(user);
    Map<Long, String> planStatus = new java.util.HashMap<>();
    visiblePlans.forEach(p -> planStatus.put(p.meetingId(), p.status()));
    List<OverdueMeetingAction> meetingActions = new ArrayList<>();
    for (Map.Entry<Long, List<MeetingAction>> e : actions.pastTarget(today).entrySet()) {
      if (PLAN_FOLLOWS_UP.contains(planStatus.getOrDefault(e.getKey(), ""))) {
        continue;
      }
      Optional<Meeting> meeting = monitoring.meeting(e.getKey(), user);
      if (meeting.isEmpty()) {
        continue;
      }
      Meeting m = meeting.get();
      for (MeetingAction a : e.getValue()) {
        meetingActions.add(
            new OverdueMeetingAction(
                m.id(),
                m.meetingDate(),
                m.contractReference(),
                m.providerName(),
                m.contractOfficer(),
                a,
                ScheduleGrouping.daysOverdue(a.targetDate(), today)));
      }
    }
    meetingActions.sort(
        Comparator.comparing((OverdueMeetingAction o) -> o.action().targetDate())
            .thenComparingLong(OverdueMeetingAction::meetingId));
    List<OverduePlanAction> planActions = new ArrayList<>();
    for (MeetingPlan plan : visiblePlans) {
      if (!MeetingPlan.AGREED.equals(plan.status())) {
        continue;
      }
      for (MeetingPlan.Action a : plan.actions()) {
        if (!a.complete() && a.targetDate().isBefore(today)) {
          planActions.add(
              new OverduePlanAction(
                  plan.meetingId(),
                  plan.caseReference(),
                  plan.meetingDate(),
                  plan.contractReference(),
                  plan.providerName(),
                  a,
                  ScheduleGrouping.daysOverdue(a.targetDate(), today)));
        }
      }
    }
    planActions.sort(
        Comparator.comparing((OverduePlanAction o) -> o.action().targetDate())
            .thenComparing(OverduePlanAction::caseReference));
    return new Overdue(
        today, monitoring.notHeldBefore(today, user), meetingActions, List.copyOf(planActions));
  }
}
