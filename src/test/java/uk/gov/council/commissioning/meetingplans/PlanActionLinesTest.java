package uk.gov.council.commissioning.meetingplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.meetingplans.AgreedActions.AgreedAction;
import uk.gov.council.commissioning.meetingplans.PlanActionLines.Line;
import uk.gov.council.commissioning.meetingplans.PlanActionLines.Parsed;

/** The plan's actions as the provider writes them: what | who | target date, one a line. */
class PlanActionLinesTest {

  private static final LocalDate TODAY = LocalDate.of(2031, 3, 4);

  @Test
  void eachLineIsAnActionWithItsOwnerAndTargetDateAndBlankLinesAreSkipped() {
    Parsed parsed =
        PlanActionLines.parse(
            " Train staff | Registered manager | 2031-06-30 \n\nAudit files|Quality lead|2031-03-04",
            TODAY);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.lines())
        .containsExactly(
            new Line("Train staff", "Registered manager", LocalDate.of(2031, 6, 30)),
            new Line("Audit files", "Quality lead", TODAY));
  }

  @Test
  void everyLineWithoutAnOwnerOrATargetDateIsNamedAndNoActionIsKept() {
    Parsed parsed =
        PlanActionLines.parse(
            "| Manager | 2031-05-01\nTrain staff |  | 2031-05-01\nAudit | Lead |\n"
                + "Audit | Lead | 1 May\nAudit | Lead | 2031-03-03\nA | B | 2031-05-01 | extra",
            TODAY);

    assertThat(parsed.lines()).isEmpty();
    assertThat(parsed.problems())
        .containsExactly(
            "line 1 does not say what the action is",
            "line 2 has no action owner",
            "line 3 has no target date",
            "line 4 has the target date 1 May, which is not a date as yyyy-mm-dd",
            "line 5 has the target date 2031-03-03, which is in the past",
            "line 6 has more than three parts: write what | who | target date");
  }

  @Test
  void aPlanNeedsAnAction() {
    assertThat(PlanActionLines.parse(null, TODAY).problems()).hasSize(1);
    assertThat(PlanActionLines.parse(" \n ", TODAY).problems())
        .containsExactly(
            "the plan needs at least one action, one a line: what | who | target date");
  }

  @Test
  void theActionsAgreedAtTheMeetingOpenTheFormAsLinesThatReadBackTheSame() {
    List<Line> agreed =
        PlanActionLines.of(
            List.of(
                new AgreedAction("Registered manager", "Train staff", LocalDate.of(2031, 6, 30))));
    String text = PlanActionLines.format(agreed);

    assertThat(text).isEqualTo("Train staff | Registered manager | 2031-06-30");
    assertThat(PlanActionLines.parse(text, TODAY).lines()).isEqualTo(agreed);
  }
}
