package uk.gov.council.commissioning.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Seed 001 Part 3.1 §3.5: every action in the minutes has an owner and a target date. */
class ActionLinesTest {

  static final LocalDate HELD = LocalDate.of(2030, 3, 10);

  @Test
  void eachLineIsAnOwnerATargetDateAndTheActionBlankLinesSkipped() {
    ActionLines.Parsed parsed =
        ActionLines.parse(
            "Val (provider); 2030-04-30; Send the training matrix; by email\n\n"
                + "  Olu ; 2030-03-10 ; Check the rota  ",
            HELD);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.actions())
        .containsExactly(
            new ActionLines.Action(
                "Val (provider)", LocalDate.of(2030, 4, 30), "Send the training matrix; by email"),
            new ActionLines.Action("Olu", HELD, "Check the rota"));
  }

  @Test
  void noActionsIsAllowed() {
    assertThat(ActionLines.parse("  \n", HELD).actions()).isEmpty();
    assertThat(ActionLines.parse(null, HELD).problems()).isEmpty();
  }

  @Test
  void aLineWithoutOwnerOrTargetDateOrActionIsRefusedNamingFieldAndLine() {
    ActionLines.Parsed parsed =
        ActionLines.parse(
            "; 2030-04-30; Send it\nVal; ; Send it\nVal; 30/04/2030; Send it\n"
                + "Val; 2030-03-09; Send it\nVal; 2030-04-30",
            HELD);

    assertThat(parsed.actions()).isEmpty();
    assertThat(parsed.problems())
        .containsExactly(
            "actions: line 1 has no owner: write \"owner; target date; action\"",
            "actions: line 2 has no target date: write \"owner; target date; action\"",
            "actions: line 3 has target date 30/04/2030, which is not a date as yyyy-mm-dd",
            "actions: line 4 has target date 2030-03-09, which is before 2030-03-10",
            "actions: line 5 does not say what the action is");
  }
}
