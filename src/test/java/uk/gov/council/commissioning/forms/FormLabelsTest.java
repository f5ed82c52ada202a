package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Refusals named by the labels officers see, from the deployed forms. */
class FormLabelsTest {

  private final FormLabels labels = new FormLabels(new ObjectMapper());

  @Test
  void fieldsAreNamedByTheirLabelsAtTheStartOfEachProblemAndInBrackets() {
    String refusal =
        "Plan the procurement timetable cannot be completed: commencementDate: the service would have no"
            + " contract; tick that the gap is known (serviceGapAccepted); regime: the regime cannot change";

    assertThat(FormLabels.relabel(refusal, labels.of("procurement-timetable")))
        .isEqualTo(
            "Plan the procurement timetable cannot be completed: Contract commences: the service would have no"
                + " contract; tick that the gap is known (\"The service may start after the contract it replaces ends\");"
                + " Procurement regime: the regime cannot change");
  }

  @Test
  void aSheetLineKeepsItsLineNumber() {
    assertThat(
            FormLabels.relabel(
                "Evaluate the tenders cannot be completed: evaluationBids line 4 (Dove): 3 scores"
                    + " given, the questions need 10",
                labels.of("procurement-evaluation")))
        .isEqualTo(
            "Evaluate the tenders cannot be completed: Bids (one per line) line 4 (Dove): 3 scores given,"
                + " the questions need 10");
  }

  @Test
  void anUnknownFormOrAnotherMessageIsLeftAsItIs() {
    assertThat(labels.of("no-such-form")).isEmpty();
    assertThat(labels.of("../application")).isEmpty();
    assertThat(FormLabels.relabel("estimatedValue: bad", labels.of("procurement-start")))
        .isEqualTo("estimatedValue: bad");
  }
}
