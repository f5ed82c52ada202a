package uk.gov.council.commissioning.meetingplans;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An improvement plan from a contract management meeting (seed 001 Part 3.1 §5) with its actions
 * and their progress, as the next meeting reviews it ("formally reviewed at each Contract
 * Management Meeting to ensure progress").
 *
 * @param providerGroup the provider organisation whose plan it is (provider isolation)
 */
public record MeetingPlan(
    long meetingId,
    String caseReference,
    LocalDate meetingDate,
    String contractReference,
    String contractTitle,
    String providerName,
    @JsonIgnore String providerGroup,
    String status,
    int round,
    String reworkReasons,
    Instant agreedAt,
    Instant closedAt,
    List<Action> actions) {

  public static final String DRAFTING = "DRAFTING";
  public static final String WITH_COUNCIL = "WITH_COUNCIL";
  public static final String AGREED = "AGREED";
  public static final String CLOSED = "CLOSED";

  /**
   * One action: §3.5 "an action owner and a target completion date", and its status.
   *
   * @param overdue the target date passed before the action was validated complete
   */
  public record Action(
      int number,
      String description,
      String owner,
      LocalDate targetDate,
      String status,
      String evidence,
      String rejectionReasons,
      int rejections,
      String validatedBy,
      Instant validatedAt,
      boolean overdue) {

    public static final String OPEN = "OPEN";
    public static final String VALIDATION_REQUESTED = "VALIDATION_REQUESTED";
    public static final String COMPLETE = "COMPLETE";

    @JsonIgnore
    public boolean complete() {
      return COMPLETE.equals(status);
    }
  }

  /** How far the plan has come: for the next meeting's agenda. */
  public record Progress(
      int actions, int complete, int awaitingValidation, int overdue, BigDecimal percentComplete) {}

  @JsonProperty("progress")
  public Progress progress() {
    int total = actions.size();
    int complete = (int) actions.stream().filter(Action::complete).count();
    int waiting =
        (int) actions.stream().filter(a -> Action.VALIDATION_REQUESTED.equals(a.status())).count();
    int overdue = (int) actions.stream().filter(a -> a.overdue() && !a.complete()).count();
    BigDecimal percent =
        total == 0
            ? null
            : BigDecimal.valueOf(complete * 100L)
                .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    return new Progress(total, complete, waiting, overdue, percent);
  }

  /** The progress as an officer reads it: "2 of 5 complete (40.0%)". */
  @JsonIgnore
  public String progressText() {
    Progress p = progress();
    return p.percentComplete() == null
        ? "no actions yet"
        : p.complete() + " of " + p.actions() + " complete (" + p.percentComplete() + "%)";
  }
}
