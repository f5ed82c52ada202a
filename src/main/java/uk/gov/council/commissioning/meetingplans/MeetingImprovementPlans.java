package uk.gov.council.commissioning.meetingplans;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.meetingplans.MeetingPlanRegister.PlanRow;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;

/**
 * The improvement plans from contract management meetings (seed 001 Part 3.1 §5), as the next
 * meeting reviews them: "The Improvement Plan shall be formally reviewed at each Contract
 * Management Meeting to ensure progress".
 */
@Service
@RequiredArgsConstructor
public class MeetingImprovementPlans {

  private final MeetingPlanRegister register;

  /**
   * The contract's plans still open (being written, with the council, or live), oldest meeting
   * first, each with its actions and progress: for the next meeting's agenda.
   */
  @Transactional(readOnly = true)
  public List<MeetingPlan> toReview(String contractReference) {
    return register.openPlansOf(contractReference).stream().map(this::withActions).toList();
  }

  /** Every plan {@code user} may see, newest meeting first. */
  @Transactional(readOnly = true)
  public List<MeetingPlan> visibleTo(Actor user) {
    return ProviderScope.visible(user, register::plans, register::plans).stream()
        .map(this::withActions)
        .toList();
  }

  /** The plan after a meeting, whoever's it is: the caller decides who may see it. */
  @Transactional(readOnly = true)
  public Optional<MeetingPlan> ofMeeting(long meetingId) {
    return register.planOfMeeting(meetingId).map(this::withActions);
  }

  private MeetingPlan withActions(PlanRow row) {
    MeetingFacts m = row.meeting();
    return new MeetingPlan(
        m.meetingId(),
        row.caseReference(),
        m.meetingDate(),
        m.contractReference(),
        m.contractTitle(),
        m.providerName(),
        m.providerGroup(),
        row.status(),
        row.round(),
        row.reworkReasons(),
        row.agreedAt(),
        row.closedAt(),
        register.actions(row.id()));
  }
}
