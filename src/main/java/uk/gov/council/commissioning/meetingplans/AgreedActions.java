package uk.gov.council.commissioning.meetingplans;

import java.time.LocalDate;
import java.util.List;

/**
 * The actions agreed at a contract management meeting (seed 001 Part 3.1 §3.5: "All actions
 * identified have an action owner and a target completion date. These are noted in the minutes"),
 * from which the provider writes its improvement plan (§5). Whatever records the minutes provides a
 * bean; without one the provider starts from an empty plan.
 */
public interface AgreedActions {

  /** The meeting's actions in the order the minutes list them; empty when none are recorded. */
  List<AgreedAction> of(long meetingId);

  /** One action as the minutes note it. */
  record AgreedAction(String owner, String description, LocalDate targetDate) {}
}
